using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>
/// Makes a recorded run the accepted baseline. Metrics already in the previous baseline keep their
/// tolerance (it may have been edited); new ones get the 95%-interval tolerance when the run measured an
/// interval, else <see cref="DefaultTolerance"/>, and are named in <see cref="AcceptedBaseline.Defaulted"/> so the
/// user can review them. Each metric keeps the scenario that measured it. Metrics of the previous baseline that
/// the run did not measure (a tag-filtered run) are kept as they were.
/// </summary>
public static class BaselineAcceptance
{
    /// <summary>
    /// The tolerance of a criterion recorded without a 95% interval (older recordings): 2% of its value, at least
    /// 0.001. Criteria with an interval are compared by their standard errors (<see cref="CriterionRule"/>),
    /// diagnostics by their bound, counts exactly and timings by <see cref="TimingTolerance"/>; this is only the
    /// fallback when nothing better is known.
    /// </summary>
    public static MetricTolerance DefaultTolerance { get; } = new(Absolute: 0.001, Relative: 0.02);

    /// <summary>
    /// The tolerance of a new timing metric (unit s, ms or min): 300% (four times as slow fails). CPU time follows
    /// the load, not only the work: the seed soft-attention training measured 49.6 s CPU on a quiet machine and
    /// 107–122 s at load average 15–36, so a tighter tolerance would fail on a busy CI host; libtorch falling back
    /// to reference BLAS (~30x slower matmul) still fails.
    /// </summary>
    public static MetricTolerance TimingTolerance { get; } = new(Relative: 3.0);

    /// <summary>The tolerance a new metric is accepted with.</summary>
    /// <param name="metric">The metric as the run recorded it.</param>
    public static MetricTolerance ToleranceFor(RecordedMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.EffectiveKind switch
        {
            MetricKind.Criterion => new MetricTolerance(Interval: true),
            MetricKind.Timing => TimingTolerance,
            MetricKind.Count => new MetricTolerance(Absolute: 0),
            _ => DefaultTolerance,
        };
    }

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
        var defaulted = new List<string>();
        foreach (var metric in run.Metrics)
        {
            MetricTolerance tolerance;
            if (previous?.Metrics.GetValueOrDefault(metric.Name) is { } kept)
            {
                tolerance = kept.Tolerance;
            }
            else
            {
                tolerance = ToleranceFor(metric);
                if (!tolerance.Interval)
                {
                    defaulted.Add(metric.Name);
                }
            }

            metrics[metric.Name] = new BaselineMetric(metric.Value, metric.Direction, tolerance, metric.Unit, metric.Low, metric.High, metric.Scenario, metric.EffectiveKind, metric.Bound);
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
            Fingerprint = run.Provenance.Fingerprint,
            Metrics = metrics,
        };
        return new AcceptedBaseline(baseline, defaulted.Distinct().ToList(), unmeasured);
    }
}
