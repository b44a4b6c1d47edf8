using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>How statuses are written in the reports (public so tools that print a run write them the same way).</summary>
public static class StatusText
{
    /// <summary>Cucumber JSON's lower-case name ("passed", "failed", …).</summary>
    /// <param name="status">The status.</param>
    public static string Name(StepStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The most severe of <paramref name="statuses"/> (Passed when empty): a failure outranks every other outcome, a pass outranks nothing.</summary>
    /// <param name="statuses">The statuses to sum up.</param>
    public static StepStatus Worst(IEnumerable<StepStatus> statuses)
    {
        StepStatus[] severity = [StepStatus.Failed, StepStatus.Ambiguous, StepStatus.Undefined, StepStatus.Pending, StepStatus.Skipped];
        var present = statuses.ToHashSet();
        return severity.FirstOrDefault(present.Contains, StepStatus.Passed);
    }

    /// <summary>The emoji the Markdown summary shows for <paramref name="status"/>.</summary>
    /// <param name="status">The status.</param>
    public static string Symbol(StepStatus status) => status switch
    {
        StepStatus.Passed => "✅",
        StepStatus.Failed => "❌",
        StepStatus.Skipped => "⏭️",
        StepStatus.Undefined => "❓",
        StepStatus.Pending => "⏳",
        _ => "⚠️",
    };

    /// <summary>A duration as "12 ms" (two decimals under 10 ms).</summary>
    /// <param name="duration">The duration.</param>
    public static string Milliseconds(TimeSpan duration) =>
        duration.TotalMilliseconds.ToString(duration.TotalMilliseconds < 10 ? "0.00" : "0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
