using Nvf.Gherkin.Model;
namespace Nvf.Gherkin.Running;

/// <summary>
/// The run as far as it got, for steps that judge the run itself (e.g. a regression check over every metric
/// recorded so far). Inject it through a step class's constructor; pair it with <see cref="ScenarioOrder.RunLastTag"/>.
/// </summary>
public sealed class RunSoFar
{
    readonly Func<IReadOnlyList<ScenarioResult>> results;
    readonly Func<IReadOnlyList<ScenarioInfo>?> remaining;

    internal RunSoFar(Func<IReadOnlyList<ScenarioResult>> results, Func<IReadOnlyList<ScenarioInfo>?> remaining)
    {
        this.results = results;
        this.remaining = remaining;
    }

    /// <summary>
    /// The scenarios planned for this run that have not run yet (the running one excluded), or null when the run was not told
    /// its plan: what a run-scoped cache may release once nothing left needs it.
    /// </summary>
    public IReadOnlyList<ScenarioInfo>? Remaining => remaining();

    /// <summary>The scenarios that finished before the current one, in run order.</summary>
    public IReadOnlyList<ScenarioResult> Results => results();

    /// <summary>Every metric those scenarios recorded, in run order.</summary>
    public IReadOnlyList<(ScenarioResult Result, Metric Metric)> Metrics => Results.SelectMany(r => r.Metrics.Select(m => (r, m))).ToList();
}
