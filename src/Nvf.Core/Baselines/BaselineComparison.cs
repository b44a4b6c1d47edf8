using System.Globalization;
using Nvf.Core.History;
using Nvf.Core.Provenance;

namespace Nvf.Core.Baselines;

/// <summary>
/// A run's metrics against an accepted baseline, each by its <see cref="MetricKind"/>: a criterion by its standard
/// errors (<see cref="CriterionRule"/>), a diagnostic against its bound only, a count exactly, a timing within its
/// tolerance and only on the baseline's machine fingerprint (else it is listed in <see cref="NotComparable"/>).
/// Only the offending metrics are listed as regressions, and baselined metrics that disappeared (see
/// <see cref="RunScope"/>) fail the comparison too; metrics the run did not measure (e.g. a tag-filtered run, a
/// skipped scenario) and metrics the baseline lacks are named apart.
/// </summary>
/// <param name="Regressions">Metrics worse than expected by more than their tolerance, by name.</param>
/// <param name="NotMeasured">Baseline metrics this run did not record.</param>
/// <param name="NotInBaseline">Metrics this run recorded that the baseline does not hold.</param>
/// <param name="Compared">How many metrics were compared.</param>
public sealed record BaselineComparison(IReadOnlyList<MetricRegression> Regressions, IReadOnlyList<string> NotMeasured, IReadOnlyList<string> NotInBaseline, int Compared)
{
    /// <summary>Baselined metrics the run should have recorded and did not: each fails the comparison.</summary>
    public IReadOnlyList<MissingMetric> Disappeared { get; init; } = [];

    /// <summary>Timings not compared because this run's machine fingerprint differs from the baseline's.</summary>
    public IReadOnlyList<NotComparable> NotComparable { get; init; } = [];

    /// <summary>Diagnostics without a bound: recorded for the trends, never compared.</summary>
    public IReadOnlyList<string> Tracked { get; init; } = [];

    /// <summary>True when no compared metric regressed and none disappeared.</summary>
    public bool Passed => Regressions.Count == 0 && Disappeared.Count == 0;

    /// <summary>Compares <paramref name="metrics"/> with <paramref name="baseline"/>, knowing nothing of the run's coverage (missing metrics are "not measured").</summary>
    /// <param name="baseline">The accepted baseline.</param>
    /// <param name="metrics">The run's metrics.</param>
    public static BaselineComparison Compare(Baseline baseline, IEnumerable<RecordedMetric> metrics) => Compare(baseline, metrics, RunScope.Unknown, null);

    /// <summary>Compares <paramref name="metrics"/> with <paramref name="baseline"/> on an unknown machine: no timing is comparable.</summary>
    /// <param name="baseline">The accepted baseline.</param>
    /// <param name="metrics">The run's metrics.</param>
    /// <param name="scope">What the run covered.</param>
    public static BaselineComparison Compare(Baseline baseline, IEnumerable<RecordedMetric> metrics, RunScope scope) => Compare(baseline, metrics, scope, null);

    /// <summary>Compares <paramref name="metrics"/> (the last value of each name counts) with <paramref name="baseline"/>; <paramref name="scope"/> decides what a missing metric means.</summary>
    /// <param name="baseline">The accepted baseline.</param>
    /// <param name="metrics">The run's metrics.</param>
    /// <param name="scope">What the run covered.</param>
    /// <param name="machine">This run's machine fingerprint, or null when unknown (then no timing is comparable).</param>
    public static BaselineComparison Compare(Baseline baseline, IEnumerable<RecordedMetric> metrics, RunScope scope, MachineFingerprint? machine)
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
        var notComparable = new List<NotComparable>();
        var tracked = new List<string>();
        var machineDifference = machine is null ? "this run's machine fingerprint is unknown" : machine.Difference(baseline.Fingerprint);
        foreach (var (name, expected) in baseline.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!obtained.TryGetValue(name, out var metric))
            {
                continue;
            }

            // The run's own kind and bound win: the steps know what they measured; the file may predate kinds.
            var kind = metric.Kind ?? expected.EffectiveKind;
            switch (kind)
            {
                case MetricKind.Diagnostic:
                    if ((metric.Bound ?? expected.Bound) is { } bound)
                    {
                        if (!Beyond(metric.Value, bound, expected.Direction))
                        {
                            var sign = expected.Direction == MetricDirection.HigherIsBetter ? ">" : "<";
                            regressions.Add(new MetricRegression(name, metric.Value, expected.Expected, Math.Abs(expected.Expected - bound), expected.Direction, expected.Unit, $"must stay {sign} {bound.ToString("G4", CultureInfo.InvariantCulture)}"));
                        }
                    }
                    else
                    {
                        tracked.Add(name);
                    }

                    break;
                case MetricKind.Timing when machineDifference is not null:
                    notComparable.Add(new NotComparable(name, metric.Value, expected.Expected, expected.Unit, machineDifference));
                    break;
                case MetricKind.Criterion when CriterionRule.Allowed(expected, metric) is { } allowed:
                    if (Worse(metric.Value, expected, allowed))
                    {
                        var rule = string.Create(CultureInfo.InvariantCulture, $"{CriterionRule.Z:G} standard errors (±{allowed:G3})");
                        regressions.Add(new MetricRegression(name, metric.Value, expected.Expected, allowed, expected.Direction, expected.Unit, rule));
                    }

                    break;
                default:
                    var tolerance = kind == MetricKind.Count && expected.Kind is null ? new MetricTolerance(Absolute: 0) : expected.Tolerance;
                    var amount = tolerance.AllowedFor(expected);
                    if (Worse(metric.Value, expected, amount))
                    {
                        regressions.Add(new MetricRegression(name, metric.Value, expected.Expected, amount, expected.Direction, expected.Unit, kind == MetricKind.Count && amount == 0 ? "exact" : null));
                    }

                    break;
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
            NotComparable = notComparable,
            Tracked = tracked,
        };
    }

    static bool Worse(double value, BaselineMetric expected, double allowed) =>
        expected.Direction == MetricDirection.HigherIsBetter ? value < expected.Expected - allowed : value > expected.Expected + allowed;

    static bool Beyond(double value, double bound, MetricDirection direction) =>
        direction == MetricDirection.HigherIsBetter ? value > bound : value < bound;

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
