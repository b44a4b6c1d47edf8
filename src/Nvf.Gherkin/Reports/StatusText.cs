using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>How statuses are written in the reports.</summary>
internal static class StatusText
{
    // Cucumber JSON's lower-case names.
    public static string Name(StepStatus status) => status.ToString().ToLowerInvariant();

    // Severity for summing up a feature: a failure outranks every other outcome, a pass outranks nothing.
    public static StepStatus Worst(IEnumerable<StepStatus> statuses)
    {
        StepStatus[] severity = [StepStatus.Failed, StepStatus.Ambiguous, StepStatus.Undefined, StepStatus.Pending, StepStatus.Skipped];
        var present = statuses.ToHashSet();
        return severity.FirstOrDefault(present.Contains, StepStatus.Passed);
    }

    public static string Symbol(StepStatus status) => status switch
    {
        StepStatus.Passed => "✅",
        StepStatus.Failed => "❌",
        StepStatus.Skipped => "⏭️",
        StepStatus.Undefined => "❓",
        StepStatus.Pending => "⏳",
        _ => "⚠️",
    };

    public static string Milliseconds(TimeSpan duration) =>
        duration.TotalMilliseconds.ToString(duration.TotalMilliseconds < 10 ? "0.00" : "0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
