namespace Nvf.Core.Baselines;

/// <summary>
/// What a run covered, which decides what a missing baselined metric means. A metric whose scenario ran and
/// passed without recording it has disappeared (a regression). A metric whose scenario was skipped or failed is
/// not measured (the skip or the failure is reported on its own). A metric whose scenario did not run at all has
/// disappeared in a <see cref="Full"/> run (the scenario was renamed or removed: accept a new baseline) and is
/// merely not measured in a run restricted by tags or filters.
/// </summary>
/// <param name="Full">True when the run selected every scenario of its suite (no tag expression, no test filter).</param>
/// <param name="Scenarios">Status of each scenario that ran ("passed", "failed", "skipped", …), by display name ("feature › scenario").</param>
public sealed record RunScope(bool Full, IReadOnlyDictionary<string, string> Scenarios)
{
    /// <summary>Nothing known about the run's coverage: every missing metric is only "not measured".</summary>
    public static RunScope Unknown { get; } = new(false, new Dictionary<string, string>());
}
