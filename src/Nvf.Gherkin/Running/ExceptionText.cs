namespace Nvf.Gherkin.Running;

// The text a report shows for an exception thrown by a step or a hook.
internal static class ExceptionText
{
    // A failed check and an assertion library put everything a reader needs in the message; other exceptions also
    // need the place they came from.
    public static string Describe(Exception e) =>
        IsFinding(e)
            ? e.Message
            : $"{e.GetType().FullName}: {e.Message}{Environment.NewLine}{UserFrames(e.StackTrace)}";

    // FluentAssertions throws xunit's XunitException under xunit; its message is the assertion's sentence.
    static bool IsFinding(Exception e) =>
        e is CheckFailedException
        || e.GetType().Name.Contains("Assert", StringComparison.Ordinal)
        || e.GetType().Namespace?.StartsWith("FluentAssertions", StringComparison.Ordinal) == true
        || e.GetType().Namespace?.StartsWith("Xunit.Sdk", StringComparison.Ordinal) == true;

    // The frames below the step are the engine's (reflection, Reqnroll's binding invoker); a reader needs the step's.
    static string UserFrames(string? stackTrace) =>
        string.Join(Environment.NewLine, (stackTrace ?? "").Split(Environment.NewLine)
            .TakeWhile(l => !l.StartsWith("--- End of stack trace", StringComparison.Ordinal))
            .Where(l => !l.Contains("InvokeStub_", StringComparison.Ordinal)
                && !l.Contains("System.Reflection.", StringComparison.Ordinal)
                && !l.Contains(" Reqnroll.", StringComparison.Ordinal)
                && !l.Contains("lambda_method", StringComparison.Ordinal)));
}
