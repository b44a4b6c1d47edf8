using Nvf.Gherkin.Model;
using Nvf.Gherkin.Reports;

namespace Nvf.Gherkin.Running;

/// <summary>Everything the reports show about a run.</summary>
/// <param name="Results">Scenario results in run order.</param>
/// <param name="RunHooks">Test-run and feature hooks that ran, in order.</param>
/// <param name="RefusedFiles">Feature files that did not compile: uri to "file:line:column: message" lines.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="Duration">Wall time of the run.</param>
/// <param name="DryRun">True when only bindings were checked.</param>
public sealed record RunReport(
    IReadOnlyList<ScenarioResult> Results,
    IReadOnlyList<HookResult> RunHooks,
    IReadOnlyDictionary<string, string> RefusedFiles,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    bool DryRun)
{
    /// <summary>Extra sections a tool adds (e.g. trends across runs); the HTML and Markdown reports show them.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>Every metric the steps recorded, with the scenario that recorded it, in run order.</summary>
    public IEnumerable<(ScenarioResult Result, Metric Metric)> Metrics => Results.SelectMany(r => r.Metrics.Select(m => (r, m)));

    /// <summary>Every answer the steps recorded, with the scenario that recorded it, in run order.</summary>
    public IEnumerable<(ScenarioResult Result, Answer Answer)> Answers => Results.SelectMany(r => r.Answers.Select(a => (r, a)));

    /// <summary>The features that have results, in the order they first ran.</summary>
    public IReadOnlyList<FeatureInfo> Features => Results.Select(r => r.Scenario.Feature).Distinct().ToList();

    /// <summary>The results of one feature, in run order.</summary>
    /// <param name="feature">A feature of <see cref="Features"/>.</param>
    public IEnumerable<ScenarioResult> ResultsOf(FeatureInfo feature) => Results.Where(r => r.Scenario.Feature == feature);

    /// <summary>How many scenarios ended with each status (all statuses present, zero when none).</summary>
    public IReadOnlyDictionary<StepStatus, int> Counts =>
        Enum.GetValues<StepStatus>().ToDictionary(s => s, s => Results.Count(r => r.Status == s));

    /// <summary>True when every scenario passed or was skipped, no file was refused and no run hook failed.</summary>
    public bool Succeeded =>
        RefusedFiles.Count == 0 &&
        RunHooks.All(h => h.Status != StepStatus.Failed) &&
        Results.All(r => r.Status is StepStatus.Passed or StepStatus.Skipped);
}
