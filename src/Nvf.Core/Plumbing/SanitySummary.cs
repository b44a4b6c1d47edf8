using System.Globalization;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;

namespace Nvf.Core.Plumbing;

/// <summary>
/// The seed's summary table (pure-infonce-sanity-report.md, "Summary Table"), filled in by a run:
/// vector norm, FAISS metric, oracle R@5, eval alignment, pos/neg separation, R@5 (IVF nprobe=64),
/// decision gate. Rows whose measurement is missing stay "⏳ Pending", as in the seed.
/// </summary>
public static class SanitySummary
{
    /// <summary>The table's column names.</summary>
    public static readonly IReadOnlyList<string> Headers = ["Check", "Result", "Status"];

    /// <summary>Builds the rows from the plumbing checks and, when it ran, the auto-evaluation.</summary>
    public static IReadOnlyList<SummaryRow> Build(
        NormalizationCheckResult normalization, OracleRecallCheckResult oracle, EvalAlignmentCheckResult alignment, AutoEvaluationReport? evaluation, int nprobe) =>
        Build(normalization, oracle, alignment, evaluation is null ? null : (evaluation.EpochOne, evaluation.Decision, evaluation.Action), nprobe);

    /// <summary>Builds the rows from the plumbing checks and a researcher's predictions, every row filled.</summary>
    public static IReadOnlyList<SummaryRow> Build(
        NormalizationCheckResult normalization, OracleRecallCheckResult oracle, EvalAlignmentCheckResult alignment, PredictionReport predictions, int nprobe)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return Build(normalization, oracle, alignment, (predictions.Measurement, predictions.Decision, predictions.Action), nprobe);
    }

    private static IReadOnlyList<SummaryRow> Build(
        NormalizationCheckResult normalization, OracleRecallCheckResult oracle, EvalAlignmentCheckResult alignment,
        (EpochMeasurement Measurement, GateDecision Decision, string Action)? evaluation, int nprobe)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(alignment);
        var rows = new List<SummaryRow>
        {
            new("Vector norm", Text($"mean={normalization.Norms.Mean:F3}"), Status(normalization.NormsAreUnit)),
            new("FAISS metric", normalization.IndexMetric == Faiss.FaissMetric.InnerProduct ? "Inner Product" : normalization.IndexMetric.ToString(), Status(normalization.MetricIsInnerProduct)),
            new("Oracle R@5", Text($"{oracle.Recall.Recall(5):P1}"), Status(oracle.Outcome.Passed)),
            new("Eval alignment", alignment.Statistics is null ? "no key maps to the payload" : Text($"{alignment.Statistics.Aligned.Estimate:P1}"), Status(alignment.Outcome.Passed)),
        };
        if (evaluation is null)
        {
            rows.Add(new("Pos/neg separation", "Pending", SummaryRow.Pending));
            rows.Add(new(Text($"R@5 (IVF nprobe={nprobe})"), "Pending", SummaryRow.Pending));
            rows.Add(new("Decision gate", "Pending", SummaryRow.Pending));
            return rows;
        }

        var m = evaluation.Value.Measurement;
        rows.Add(new("Pos/neg separation", Text($"Δ={m.Separation.Delta:F3} (pos {m.Separation.PositiveMean:F3}, neg {m.Separation.NegativeMean:F3}, AUC {m.Separation.Auc:F3})"),
            Status(m.Separation.Delta > SuccessCriteria.MinimumDelta)));
        rows.Add(new(Text($"R@5 (IVF nprobe={nprobe})"), Text($"{m.RecallAt5:P1}"), Status(m.RecallAt5 > 0)));
        rows.Add(new("Decision gate", DecisionGate.Describe(evaluation.Value.Decision) + "; " + evaluation.Value.Action, DecisionStatus(evaluation.Value.Decision)));
        return rows;
    }

    private static string DecisionStatus(GateDecision decision) => decision switch
    {
        GateDecision.ContinueTraining => "✅ CONTINUE",
        GateDecision.TrainMoreEpochs => "⚠️ RE-CHECK",
        GateDecision.CheckFlatIndex => "⚠️ CHECK FLAT",
        _ => "❌ PIVOT",
    };

    private static string Status(bool passed) => passed ? "✅ PASS" : "❌ FAIL";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
