using System.Globalization;
using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>The offending metrics of a comparison as a table: Metric | Obtained | Expected | Difference | Tolerance | Better.</summary>
public static class RegressionTable
{
    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["Metric", "Obtained", "Expected", "Difference", "Tolerance", "Better"];

    /// <summary>One row per regression, values to four significant digits (units appended when the metric has one), then one per disappeared metric (obtained "missing", difference "disappeared").</summary>
    /// <param name="comparison">The comparison.</param>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(BaselineComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var missing = comparison.Disappeared.Select(m => (IReadOnlyList<string>)[m.Name, "missing", Number(m.Expected, ""), "disappeared", "", ""]);
        return comparison.Regressions
            .Select(r => (IReadOnlyList<string>)
            [
                r.Name,
                Number(r.Obtained, r.Unit),
                Number(r.Expected, r.Unit),
                (r.Difference >= 0 ? "+" : "") + Number(r.Difference, r.Unit),
                r.Rule ?? "±" + Number(r.Allowed, r.Unit),
                r.Direction == MetricDirection.HigherIsBetter ? "higher" : "lower",
            ])
            .Concat(missing)
            .ToList();
    }

    /// <summary>The rows as plain text lines ("name: obtained 0.65, expected 0.68, difference -0.03 (tolerance ±0.02, higher is better)", "name: metric disappeared (expected 0.68): why").</summary>
    /// <param name="comparison">The comparison.</param>
    public static string Describe(BaselineComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var rows = Rows(comparison).Take(comparison.Regressions.Count)
            .Select(r => $"{r[0]}: obtained {r[1]}, expected {r[2]}, difference {r[3]} (tolerance {r[4]}, {r[5]} is better)");
        return string.Join(Environment.NewLine, rows.Concat(DisappearedLines(comparison)));
    }

    /// <summary>One line per disappeared metric: "name: metric disappeared (expected 0.68): why".</summary>
    /// <param name="comparison">The comparison.</param>
    public static IEnumerable<string> DisappearedLines(BaselineComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.Disappeared.Select(m => $"{m.Name}: metric disappeared (expected {Number(m.Expected, "")}): {m.Why}");
    }

    static string Number(double value, string unit) =>
        value.ToString("G4", CultureInfo.InvariantCulture) + (unit.Length == 0 ? "" : " " + unit);
}
