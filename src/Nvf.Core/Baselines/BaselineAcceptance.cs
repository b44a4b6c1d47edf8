using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>
/// Makes a recorded run the accepted baseline. Metrics already in the previous baseline keep their
/// tolerance; new ones get the 95%-interval tolerance when the run measured an interval, else none
/// (exact), and are named in <see cref="AcceptedBaseline.NeedTolerance"/> so the user edits them. Metrics of the
/// previous baseline that the run did not measure (a tag-filtered run) are kept as they were.
/// </summary>
public static class BaselineAcceptance
{
    /// <summary>Builds the baseline named <paramref name="name"/> from <paramref name="run"/>.</summary>
    /// <param name="run">The run to accept; it must have recorded at least one metric.</param>
    /// <param name="previous">The baseline it replaces, or null.</param>
    /// <param name="name">The baseline's name.</param>
    /// <param name="acceptedUtc">When it is accepted.</param>
    public static AcceptedBaseline Accept(RunRecord run, Baseline? previous, string name, DateTimeOffset acceptedUtc)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (run.Metrics.Count == 0)
        {
            throw new ArgumentException($"Run {run.RunId} recorded no metric; expected a run whose steps record metrics (an unfiltered `nvf gate`).", nameof(run));
        }

        var metrics = new SortedDictionary<string, BaselineMetric>(StringComparer.Ordinal);
        var needTolerance = new List<string>();
        foreach (var metric in run.Metrics)
        {
            MetricTolerance tolerance;
            if (previous?.Metrics.GetValueOrDefault(metric.Name) is { } kept)
            {
                tolerance = kept.Tolerance;
            }
            else if (metric.Low is not null && metric.High is not null)
            {
                tolerance = new MetricTolerance(Interval: true);
            }
            else
            {
                tolerance = new MetricTolerance();
                needTolerance.Add(metric.Name);
            }

            metrics[metric.Name] = new BaselineMetric(metric.Value, metric.Direction, tolerance, metric.Unit, metric.Low, metric.High);
        }

        // A tag-filtered run measures only part of the suite: what it did not measure stays as accepted before.
        var unmeasured = previous?.Metrics.Where(m => !metrics.ContainsKey(m.Key)).Select(m => m.Key).Order(StringComparer.Ordinal).ToList() ?? [];
        foreach (var metricName in unmeasured)
        {
            metrics[metricName] = previous!.Metrics[metricName];
        }

        var baseline = new Baseline
        {
            Name = name,
            AcceptedRunId = run.RunId,
            AcceptedUtc = acceptedUtc,
            GitCommit = run.Provenance.Git.Commit,
            Metrics = metrics,
        };
        return new AcceptedBaseline(baseline, needTolerance.Distinct().ToList(), unmeasured);
    }
}
