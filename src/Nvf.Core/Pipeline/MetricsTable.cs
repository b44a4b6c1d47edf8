using System.Globalization;
using Nvf.Core.Criteria;
using Nvf.Core.Metrics;

namespace Nvf.Core.Pipeline;

/// <summary>A report table (headers and rows of text) built from measurements, for the acceptance report.</summary>
/// <param name="Title">Caption.</param>
/// <param name="Headers">Column names.</param>
/// <param name="Rows">Rows as wide as the headers.</param>
public sealed record MetricsTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    private static readonly string[] AccuracyHeaders = ["metric", "estimate", "Wilson 95% interval", "n"];

    /// <summary>Every accuracy of <paramref name="evaluation"/> with its interval, the control and the oracle ceiling.</summary>
    public static MetricsTable For(string title, PipelineEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var k = evaluation.K;
        var rows = new List<IReadOnlyList<string>>
        {
            Row("soft attention Top-1", evaluation.SoftAttentionTop1),
            Row($"soft attention Top-{k} (coverage)", evaluation.Coverage),
        };
        AddIf(rows, "pipeline Top-1 (reranked)", evaluation.PipelineTop1);
        AddIf(rows, $"pipeline Top-{k}", evaluation.PipelineTopK);
        AddIf(rows, $"accuracy given Top-{k}", evaluation.AccuracyGivenTopK);
        rows.Add(Row($"control: Top-{k} re-scored by exact cosine", evaluation.ControlTop1));
        rows.Add(Row("oracle ceiling: exact search Top-1", evaluation.OracleTop1));
        AddIf(rows, "soft attention errors in the right cluster", evaluation.SoftAttentionErrorsInCluster);
        AddIf(rows, "pipeline errors in the right cluster", evaluation.PipelineErrorsInCluster);
        AddIf(rows, "pipeline cluster-level Top-1", evaluation.PipelineClusterTop1);
        if (evaluation.InClusterChance is { } chance)
        {
            rows.Add(["chance that a wrong answer is in the right cluster", Percent(chance), "-", "-"]);
        }

        if (evaluation.CorrectOutsideTopK is { } outside)
        {
            rows.Add([$"answered right with the label outside the Top-{k}", outside.ToString(CultureInfo.InvariantCulture), "-", evaluation.SoftAttentionTop1.Trials.ToString(CultureInfo.InvariantCulture)]);
        }

        return new MetricsTable($"{title} — {evaluation.Distribution}", AccuracyHeaders, rows);
    }

    /// <summary>Criteria verdicts as a table: metric, measured, target, ceiling, outcome.</summary>
    public static MetricsTable ForVerdicts(string title, IEnumerable<CriterionVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var rows = verdicts.Select(v => (IReadOnlyList<string>)
        [
            v.Metric,
            v.Measured.ToString(),
            $">= {Percent(v.Target)}" + (v.Stretch is { } s ? $" (stretch {Percent(s)}: {(v.StretchMet ? "reached" : "not reached")})" : ""),
            v.Ceiling?.ToString() ?? "not measured",
            v.Outcome.ToString().ToUpperInvariant(),
        ]).ToList();
        return new MetricsTable(title, ["criterion", "measured", "target", "oracle ceiling", "verdict"], rows);
    }

    /// <summary>"68.0%".</summary>
    public static string Percent(double fraction) => (100 * fraction).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static void AddIf(List<IReadOnlyList<string>> rows, string name, ProportionEstimate? estimate)
    {
        if (estimate is not null)
        {
            rows.Add(Row(name, estimate));
        }
    }

    private static IReadOnlyList<string> Row(string name, ProportionEstimate estimate) =>
    [
        name,
        Percent(estimate.Estimate),
        string.Create(CultureInfo.InvariantCulture, $"[{100 * estimate.Lower:F1}, {100 * estimate.Upper:F1}]"),
        estimate.Trials.ToString(CultureInfo.InvariantCulture),
    ];
}
