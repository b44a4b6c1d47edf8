using System.Globalization;
using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Nvf.Faiss;

namespace Nvf.Core.Plumbing;

/// <summary>
/// Vector normalization (pure-infonce-sanity-report.md, "Vector Normalization"): mean, min and max
/// payload norm within 1e-5 of 1 (the seed saw 0.999999 to 1.000001), and an inner-product index,
/// so that inner product is cosine.
/// </summary>
public static class NormalizationCheck
{
    /// <summary>Allowed distance of any norm from 1.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>Measures every norm of <paramref name="payload"/> and checks the index metric.</summary>
    public static NormalizationCheckResult Run(IVectorRows payload, FaissMetric indexMetric) => Run(NormStatistics.Measure(payload), indexMetric);

    /// <summary>Checks norm statistics measured elsewhere (streamed over a collection's pages) and the index metric.</summary>
    /// <param name="norms">The norms' statistics.</param>
    /// <param name="indexMetric">The metric the index ranks by.</param>
    public static NormalizationCheckResult Run(NormStatistics norms, FaissMetric indexMetric)
    {
        ArgumentNullException.ThrowIfNull(norms);
        var outcome = CheckOutcome.Of(
            (Math.Abs(norms.Mean - 1) <= Tolerance, Text($"mean norm {norms.Mean:F6} is not within {Tolerance:G} of 1")),
            (norms.AllUnit(Tolerance), Text($"norms range over [{norms.Min:F6}, {norms.Max:F6}], not all within {Tolerance:G} of 1") + PrecisionHint(norms)),
            (indexMetric == FaissMetric.InnerProduct, $"the index metric is {indexMetric}, not inner product"));
        return new NormalizationCheckResult(norms, indexMetric, outcome);
    }

    /// <summary>
    /// How far rounding to half precision can move the norm of a unit vector: each element's relative error is at most
    /// 2^-11, float16's unit roundoff. A payload of unit vectors saved as float16 measured norms in [0.999922, 1.000065]
    /// (5,320 MiniLM paragraph embeddings): a failure of the seed's 1e-5, and not an unnormalized payload.
    /// </summary>
    public const double HalfPrecisionRoundoff = 1.0 / 2048;

    // Deviations within half precision's rounding come from storage, not from a missing normalization: say so and how to fix it.
    private static string PrecisionHint(NormStatistics norms) =>
        Math.Max(Math.Abs(norms.Min - 1), Math.Abs(norms.Max - 1)) <= HalfPrecisionRoundoff
            ? Text($" (deviations within {HalfPrecisionRoundoff:G3}, the rounding of unit vectors stored as float16: normalize in float32 and save float32)")
            : "";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
