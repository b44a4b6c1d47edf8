using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Nvf.Gherkin.Running;

/// <summary>Calls a binding or hook method, awaiting it when it returns a task, and rethrows its own exception.</summary>
internal static class MethodInvoker
{
    public static async Task InvokeAsync(MethodInfo method, object? target, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(false);
                break;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                break;
        }
    }

    public static object? TargetFor(MethodInfo method, Func<Type, object> resolve) =>
        method.IsStatic ? null : resolve(method.DeclaringType!);

    // Assertion libraries put everything a reader needs in the message; other exceptions also need the place they came from.
    public static string Describe(Exception e) =>
        e.GetType().Name.Contains("Assert", StringComparison.Ordinal) || e.GetType().Namespace?.StartsWith("FluentAssertions", StringComparison.Ordinal) == true
            ? e.Message
            : $"{e.GetType().FullName}: {e.Message}{Environment.NewLine}{UserFrames(e.StackTrace)}";

    // The frames below the reflection call are the runner's own; a reader needs the step's.
    static string UserFrames(string? stackTrace) =>
        string.Join(Environment.NewLine, (stackTrace ?? "").Split(Environment.NewLine)
            .TakeWhile(l => !l.StartsWith("--- End of stack trace", StringComparison.Ordinal))
            .Where(l => !l.Contains("InvokeStub_", StringComparison.Ordinal) && !l.Contains("System.Reflection.", StringComparison.Ordinal)));
}
