using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>
/// A run's metrics against an accepted baseline: only the offending metrics are listed as regressions, and
/// baselined metrics that disappeared (see <see cref="RunScope"/>) fail the comparison too; metrics the run did not
/// measure (e.g. a tag-filtered run, a skipped scenario) and metrics the baseline lacks are named apart.
/// </summary>
/// <param name="Regressions">Metrics worse than expected by more than their tolerance, by name.</param>
/// <param name="NotMeasured">Baseline metrics this run did not record.</param>
/// <param name="NotInBaseline">Metrics this run recorded that the baseline does not hold.</param>
/// <param name="Compared">How many metrics were compared.</param>
public sealed record BaselineComparison(IReadOnlyList<MetricRegression> Regressions, IReadOnlyList<string> NotMeasured, IReadOnlyList<string> NotInBaseline, int Compared)
{
    /// <summary>Baselined metrics the run should have recorded and did not: each fails the comparison.</summary>
    public IReadOnlyList<MissingMetric> Disappeared { get; init; } = [];

    /// <summary>True when no compared metric regressed and none disappeared.</summary>
    public bool Passed => Regressions.Count == 0 && Disappeared.Count == 0;

    /// <summary>Compares <paramref name="metrics"/> with <paramref name="baseline"/>, knowing nothing of the run's coverage (missing metrics are "not measured").</summary>
    /// <param name="baseline">The accepted baseline.</param>
    /// <param name="metrics">The run's metrics.</param>
    public static BaselineComparison Compare(Baseline baseline, IEnumerable<RecordedMetric> metrics) => Compare(baseline, metrics, RunScope.Unknown);

    /// <summary>Compares <paramref name="metrics"/> (the last value of each name counts) with <paramref name="baseline"/>; <paramref name="scope"/> decides what a missing metric means.</summary>
    /// <param name="baseline">The accepted baseline.</param>
    /// <param name="metrics">The run's metrics.</param>
    /// <param name="scope">What the run covered.</param>
    public static BaselineComparison Compare(Baseline baseline, IEnumerable<RecordedMetric> metrics, RunScope scope)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(scope);
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

        var notMeasured = new List<string>();
        var disappeared = new List<MissingMetric>();
        foreach (var (name, expected) in baseline.Metrics.Where(m => !obtained.ContainsKey(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var why = Missing(expected.Scenario, scope);
            if (why is null)
            {
                notMeasured.Add(name);
            }
            else
            {
                disappeared.Add(new MissingMetric(name, expected.Expected, expected.Scenario, why));
            }
        }

        return new BaselineComparison(
            regressions,
            notMeasured,
            obtained.Keys.Where(k => !baseline.Metrics.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            baseline.Metrics.Keys.Count(obtained.ContainsKey))
        {
            Disappeared = disappeared,
        };
    }

    // Why a missing metric counts against the run, or null when it is merely not measured.
    static string? Missing(string scenario, RunScope scope)
    {
        if (scenario.Length > 0 && scope.Scenarios.TryGetValue(scenario, out var status))
        {
            return status == "passed" ? $"its scenario '{scenario}' passed without recording it" : null;
        }

        if (!scope.Full)
        {
            return null;
        }

        return scenario.Length > 0
            ? $"the whole suite ran but its scenario '{scenario}' is not in it (renamed or removed? accept a new baseline)"
            : "the whole suite ran and no scenario recorded it";
    }
}
