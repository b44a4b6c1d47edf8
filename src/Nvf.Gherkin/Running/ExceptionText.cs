namespace Nvf.Gherkin.Running;

/// <summary>How a failure reads in the reports: the assertion's message, or the exception and the user's frames.</summary>
internal static class ExceptionText
{
    // Assertion libraries put everything a reader needs in the message; other exceptions also need the place they came from.
    public static string Describe(Exception e) =>
        e.GetType().Name.Contains("Assert", StringComparison.Ordinal) || e.GetType().Namespace?.StartsWith("FluentAssertions", StringComparison.Ordinal) == true
            ? e.Message
            : $"{e.GetType().FullName}: {e.Message}{Environment.NewLine}{UserFrames(e.StackTrace)}";

    // The frames below the step are the engine's (reflection, Reqnroll's binding invoker); a reader needs the step's.
    static string UserFrames(string? stackTrace) =>
        string.Join(Environment.NewLine, (stackTrace ?? "").Split(Environment.NewLine)
            .TakeWhile(l => !l.StartsWith("--- End of stack trace", StringComparison.Ordinal))
            .Where(l => !l.Contains("InvokeStub_", StringComparison.Ordinal)
                && !l.Contains("System.Reflection.", StringComparison.Ordinal)
                && !l.Contains(" Reqnroll.", StringComparison.Ordinal)
                && !l.Contains("lambda_method", StringComparison.Ordinal)));
}
