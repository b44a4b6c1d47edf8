using Nvf.Core.Metrics;
using Nvf.Faiss;

namespace Nvf.Core.Plumbing;

/// <summary>Payload norms and index metric with the verdict.</summary>
/// <param name="Norms">Mean, min, max, std of the payload's L2 norms.</param>
/// <param name="IndexMetric">The index's metric.</param>
/// <param name="Outcome">Whether norms are 1 within 1e-5 and the metric is inner product.</param>
public sealed record NormalizationCheckResult(NormStatistics Norms, FaissMetric IndexMetric, CheckOutcome Outcome)
{
    /// <summary>True when the mean, min and max norm are all within <see cref="NormalizationCheck.Tolerance"/> of 1.</summary>
    public bool NormsAreUnit => Math.Abs(Norms.Mean - 1) <= NormalizationCheck.Tolerance && Norms.AllUnit(NormalizationCheck.Tolerance);

    /// <summary>True when the index scores by inner product (cosine on unit vectors).</summary>
    public bool MetricIsInnerProduct => IndexMetric == FaissMetric.InnerProduct;
}
