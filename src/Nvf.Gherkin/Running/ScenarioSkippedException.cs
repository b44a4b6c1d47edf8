namespace Nvf.Gherkin.Running;

/// <summary>
/// Thrown by a step or before-hook whose precondition cannot be met (e.g. no server reachable):
/// the scenario is reported SKIPPED with the reason in xunit and in every report, never passed.
/// </summary>
public sealed class ScenarioSkippedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the scenario cannot run and what would make it run (non-empty).</param>
    public ScenarioSkippedException(string reason)
        : base(string.IsNullOrWhiteSpace(reason)
            ? throw new ArgumentException("A skip needs a reason saying which precondition is missing; got an empty one.", nameof(reason))
            : reason)
    {
    }
}
