using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Running;

/// <summary>The order a run takes: file order, except that scenarios tagged @run-last go after all the others.</summary>
public static class ScenarioOrder
{
    /// <summary>The tag (without '@') that moves a scenario to the end of the run; put it on the feature to keep its scenarios together.</summary>
    public const string RunLastTag = "run-last";

    /// <summary>The scenarios in run order (stable within each group).</summary>
    /// <param name="scenarios">Scenarios in file order.</param>
    public static IReadOnlyList<ScenarioInfo> Arrange(IEnumerable<ScenarioInfo> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var all = scenarios.ToList();
        return all.Where(s => !s.HasTag(RunLastTag)).Concat(all.Where(s => s.HasTag(RunLastTag))).ToList();
    }
}
