using Nvf.Gherkin.Running;

namespace Nvf.Gate;

/// <summary>One line saying why a scenario did not pass: the skip reason, or the first line of the first failing step's (or hook's) error.</summary>
public static class ScenarioProblem
{
    /// <summary>The line, or null when the scenario passed.</summary>
    /// <param name="result">The scenario's result.</param>
    public static string? FirstLine(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status == StepStatus.Passed)
        {
            return null;
        }

        if (result.Status == StepStatus.Skipped)
        {
            return result.SkipReason;
        }

        var error = result.Problems.Select(p => p.Error).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e)) ?? result.FailureMessage;
        return error.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
    }
}
