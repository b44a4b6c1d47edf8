using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>
/// A run's metrics against an accepted baseline: only the offending metrics are listed as regressions;
/// metrics the run did not measure (e.g. a tag-filtered run) and metrics the baseline lacks are named apart.
/// </summary>
/// <param name="Regressions">Metrics worse than expected by more than their tolerance, by name.</param>
/// <param name="NotMeasured">Baseline metrics this run did not record.</param>
/// <param name="NotInBaseline">Metrics this run recorded that the baseline does not hold.</param>
/// <param name="Compared">How many metrics were compared.</param>
public sealed record BaselineComparison(IReadOnlyList<MetricRegression> Regressions, IReadOnlyList<string> NotMeasured, IReadOnlyList<string> NotInBaseline, int Compared)
{
    /// <summary>True when no compared metric regressed.</summary>
    public bool Passed => Regressions.Count == 0;

    /// <summary>Compares <paramref name="metrics"/> (the last value of each name counts) with <paramref name="baseline"/>.</summary>
    /// <param name="baseline">The accepted baseline.</param>
    /// <param name="metrics">The run's metrics.</param>
    public static BaselineComparison Compare(Baseline baseline, IEnumerable<RecordedMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(metrics);
        var obtained = new Dictionary<string, RecordedMetric>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            obtained[metric.Name] = metric;
        }

        var regressions = new List<MetricRegression>();
        foreach (var (name, expected) in baseline.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!obtained.TryGetValue(name, out var metric))
            {
                continue;
            }

            var allowed = expected.Tolerance.AllowedFor(expected);
            var worse = expected.Direction == MetricDirection.HigherIsBetter
                ? metric.Value < expected.Expected - allowed
                : metric.Value > expected.Expected + allowed;
            if (worse)
            {
                regressions.Add(new MetricRegression(name, metric.Value, expected.Expected, allowed, expected.Direction, expected.Unit));
            }
        }

        return new BaselineComparison(
            regressions,
            baseline.Metrics.Keys.Where(k => !obtained.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            obtained.Keys.Where(k => !baseline.Metrics.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            baseline.Metrics.Keys.Count(obtained.ContainsKey));
    }
}
