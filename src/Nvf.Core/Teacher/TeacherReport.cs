using Nvf.Core.Criteria;
using Nvf.Core.Metrics;
using Nvf.Core.Pipeline;

namespace Nvf.Core.Teacher;

/// <summary>
/// What the teacher flow measured on the held-out queries: NVF trained from the store's logs,
/// judged against the store's answers (agreement), beside NVF trained with the same configs on the
/// same queries labelled by the generator, judged against the generator's labels.
/// </summary>
/// <param name="Store">The store engine that answered, e.g. "faiss-flat".</param>
/// <param name="Logs">The log files written and read back.</param>
/// <param name="FromLog">NVF trained from the logs; every accuracy here is agreement with the store's top-1.</param>
/// <param name="Reference">NVF trained on generator labels, evaluated on the same held-out queries with generator labels.</param>
/// <param name="SoftAttentionCurve">Soft attention's training curve from the log.</param>
/// <param name="RerankerCurve">The reranker's training curve from the log.</param>
/// <param name="Timing">Wall and CPU seconds per stage.</param>
public sealed record TeacherReport(
    string Store,
    IReadOnlyList<TeacherLogFile> Logs,
    PipelineEvaluation FromLog,
    PipelineEvaluation Reference,
    Training.TrainingCurve SoftAttentionCurve,
    Training.TrainingCurve RerankerCurve,
    TeacherTiming Timing)
{
    /// <summary>Candidates per query (K of Top-K; 5 in the seed).</summary>
    public int K => FromLog.K;

    /// <summary>
    /// Soft attention Top-1, Top-K and pipeline Top-1 agreement with the store, each compared with
    /// the generator-label figure on the same queries, within <paramref name="tolerancePoints"/> percentage points.
    /// </summary>
    public IReadOnlyList<ReproductionVerdict> CompareWithGeneratorLabels(double tolerancePoints) =>
    [
        Compare("soft attention Top-1", FromLog.SoftAttentionTop1, Reference.SoftAttentionTop1, tolerancePoints),
        Compare($"soft attention Top-{K}", FromLog.Coverage, Reference.Coverage, tolerancePoints),
        Compare("pipeline Top-1", Required(FromLog.PipelineTop1), Required(Reference.PipelineTop1), tolerancePoints),
    ];

    private ReproductionVerdict Compare(string metric, ProportionEstimate fromLog, ProportionEstimate reference, double tolerancePoints) =>
        new ReproductionCriterion($"{metric} agreement with the {Store} store (trained from its log) vs {MetricsTable.Percent(reference.Estimate)} on generator labels", reference.Estimate, tolerancePoints)
            .Judge(fromLog);

    private static ProportionEstimate Required(ProportionEstimate? estimate) =>
        estimate ?? throw new InvalidOperationException("the evaluation has no reranker; expected the pipeline to be evaluated with one");
}
