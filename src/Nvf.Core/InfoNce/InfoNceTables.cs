using System.Globalization;
using Nvf.Core.Decision;
using Nvf.Core.Plumbing;
using Nvf.Core.Retrieval;

namespace Nvf.Core.InfoNce;

/// <summary>The report tables of the InfoNCE gate, built from measurements (shared by the steps and the CLI).</summary>
public static class InfoNceTables
{
    /// <summary>Oracle recall: R@1/R@5/R@50 with status, then one row per R@1 miss, explained.</summary>
    public static IReadOnlyList<Table> Oracle(OracleRecallCheckResult result, string indexDescription)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Recall;
        var n = r.QueryCount;
        string WithInterval(double share) => Metrics.ProportionEstimate.Wilson((long)Math.Round(share * n), n) is var p ? Text($"{p.Estimate:P1} [{p.Lower:P1}, {p.Upper:P1}]") : "";
        var metrics = new Table($"Oracle recall, {n:N0} payload vectors as their own queries ({indexDescription})", ["Metric", "Result", "Threshold", "Status"],
        [
            [ "R@1 (own id or an identical copy first)", WithInterval(r.Recall(1)), "no fault (the gate's cut, not the seed's)", Mark(r.FaultCount == 0) ],
            [ "R@1 by own id only", WithInterval(r.OwnIdRecall(1)), Text($"none: the seed observed {OracleRecallCheck.SeedObservedRecallAt1:P1}"), "reported" ],
            [ "R@5", WithInterval(r.Recall(5)), "100% (seed)", Mark(r.Recall(5) >= 1) ],
            [ "R@50", WithInterval(r.Recall(50)), "100% (seed)", Mark(r.Recall(50) >= 1) ],
            [ "R@1 misses by own id: ties with a copy / faults", Text($"{r.TieCount} / {r.FaultCount}"), "no fault", Mark(r.FaultCount == 0) ],
            [ "Queries whose vector has copies (largest group met in top 50)", Text($"{r.QueriesWithCopies} ({(r.CopiesMet.Count == 0 ? 0 : r.CopiesMet.Max())})"), "reported", "reported" ],
        ]);
        var misses = new Table("Every R@1 miss by own id, explained", ["Miss"], r.MissesAtOne.Take(200).Select(m => (IReadOnlyList<string>)[m.ToString()])
            .Concat(r.MissesAtOne.Count > 200 ? [(IReadOnlyList<string>)[Text($"… and {r.MissesAtOne.Count - 200:N0} more ({r.TieCount:N0} ties, {r.FaultCount:N0} faults in all)")]] : []).ToArray());
        return [metrics, misses];
    }

    /// <summary>Payload norm statistics and the index metric.</summary>
    public static Table Normalization(NormalizationCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var n = result.Norms;
        return new Table(Text($"Payload norms ({n.Count:N0} vectors) and index metric"), ["Metric", "Result"],
        [
            ["Mean norm", Text($"{n.Mean:F6}")], ["Min", Text($"{n.Min:F6}")], ["Max", Text($"{n.Max:F6}")], ["Std", Text($"{n.Std:F6}")],
            ["Index metric", result.IndexMetric.ToString()], ["Status", result.Outcome.Status],
        ]);
    }

    /// <summary>Eval alignment: mean, min cosine and the aligned share.</summary>
    public static Table Alignment(EvalAlignmentCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Statistics;
        return new Table(Text($"Eval alignment, {result.Samples} random eval samples vs payload[truth_key]"), ["Check", "Result", "Status"],
        [
            ["Mean cosine", s is null ? "n/a" : Text($"{s.Mean:F6}"), result.Outcome.Status],
            ["Min cosine", s is null ? "n/a" : Text($"{s.Min:F6}"), result.Outcome.Status],
            ["Aligned (cos > 0.999)", s is null ? "0" : Text($"{s.Aligned.Successes}/{result.Samples} ({(double)s.Aligned.Successes / result.Samples:P0})"), result.Outcome.Status],
            ["Keys naming no payload row", Text($"{result.UnmappedKeys}"), result.Outcome.Status],
        ]);
    }

    /// <summary>Eval provenance: file, hash, shapes, alignment time, leakage.</summary>
    public static Table Provenance(EvalProvenance p)
    {
        ArgumentNullException.ThrowIfNull(p);
        static string Shape(int[] s) => "(" + string.Join(", ", s) + ")";
        var leakage = p.Split is null
            ? "unknown (no training set given)"
            : Text($"{p.Split.LeakedShare:P1} ({p.Split.LeakedArticles.Length} of {p.Split.EvalArticles.Length} eval articles also trained on)");
        return new Table("Eval provenance", ["Field", "Value"],
        [
            ["Source", p.Source], ["File", p.File.Path], ["SHA-256", p.File.Sha256], ["Bytes", Text($"{p.File.Bytes:N0}")],
            ["Contexts", Shape(p.Contexts)], ["Targets", Shape(p.Targets)], ["Truth keys", Shape(p.TruthKeys) + " → (article_index, chunk_index)"],
            ["Alignment verified", p.AlignedUtc?.ToString("u", CultureInfo.InvariantCulture) ?? "not yet"],
            ["Leakage", leakage + (p.LeakageFlagged ? " ⚠️ LEAKED: eval articles were trained on" : "")],
        ]);
    }

    /// <summary>One row per measured model: separation, retrieval, tier, decision, epoch time.</summary>
    public static Table Measurements(string title, IEnumerable<(string Model, EpochMeasurement Measurement)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new Table(title, ["Model", "Epoch", "Pos cos", "Neg cos", "Δ", "AUC", "R@5", "Contain@50", "Tier", "Decision", "Epoch time"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.Model, Text($"{r.Measurement.Epoch}"), Text($"{r.Measurement.Separation.PositiveMean:F3}"), Text($"{r.Measurement.Separation.NegativeMean:F3}"),
                Text($"{r.Measurement.Separation.Delta:F3}"), Text($"{r.Measurement.Separation.Auc:F3}"), r.Measurement.Ivf.RecallAt5.ToString(),
                r.Measurement.Ivf.ContainAt50.ToString(), r.Measurement.Tier.ToString(), DecisionGate.Describe(r.Measurement.Decision),
                Text($"{r.Measurement.EpochCpuSeconds:F1} CPU s ({r.Measurement.EpochSeconds:F1} s wall)"),
            ]).ToArray());
    }

    /// <summary>R@5 and Contain@50 of the same predictions on each index, side by side.</summary>
    public static Table Retrieval(string title, params RetrievalReport[] reports) =>
        new(title, ["Index", "R@5", "Contain@50", "Search time"],
            reports.Select(r => (IReadOnlyList<string>)[r.IndexDescription, r.RecallAt5.ToString(), r.ContainAt50.ToString(), Text($"{r.Seconds:F2} s")]).ToArray());

    /// <summary>The path the auto-evaluation took.</summary>
    public static Table Path(AutoEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Table("Auto-evaluation: the path taken", ["Step", "Result"],
            report.Path.Select(p => (IReadOnlyList<string>)[p.Step, p.Detail]).Append(["action carried out", report.Action]).Append(["outcome", report.Outcome]).ToArray());
    }

    /// <summary>The seed's summary table.</summary>
    public static Table Summary(IReadOnlyList<SummaryRow> rows) =>
        new("Summary table", SanitySummary.Headers, rows.Select(r => (IReadOnlyList<string>)[r.Check, r.Result, r.Status]).ToArray());

    private static string Mark(bool passed) => passed ? "✅ PASS" : "❌ FAIL";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
