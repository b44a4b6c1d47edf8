namespace Nvf.Core.Stores;

/// <summary>Score conventions of <see cref="VectorMetric"/>, in one place.</summary>
public static class VectorScores
{
    /// <summary>True when a higher score is closer (Cosine, InnerProduct); false for Euclidean distance.</summary>
    public static bool HigherIsCloser(VectorMetric metric) => metric switch
    {
        VectorMetric.Cosine or VectorMetric.InnerProduct => true,
        VectorMetric.Euclidean => false,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "expected Cosine, InnerProduct or Euclidean"),
    };

    /// <summary>
    /// The Euclidean distance from a squared L2 distance (FAISS IndexFlatL2's score). Tiny negative
    /// squares from float32 cancellation are clamped to 0; NaN (missing result) stays NaN.
    /// </summary>
    public static float DistanceFromSquared(float squared) => float.IsNaN(squared) ? float.NaN : MathF.Sqrt(MathF.Max(squared, 0f));

    /// <summary>
    /// The score of <paramref name="vector"/> for <paramref name="query"/> (both float32, equal
    /// length) in the metric's unit, computed in float64: the reference the stores are checked against.
    /// </summary>
    public static double Exact(VectorMetric metric, ReadOnlySpan<float> query, ReadOnlySpan<float> vector)
    {
        if (query.Length != vector.Length)
            throw new ArgumentException($"expected vectors of equal length, got {query.Length} and {vector.Length}", nameof(vector));
        double dot = 0, qq = 0, vv = 0, squared = 0;
        for (int i = 0; i < query.Length; i++)
        {
            double q = query[i], v = vector[i];
            dot += q * v;
            qq += q * q;
            vv += v * v;
            squared += (q - v) * (q - v);
        }
        return metric switch
        {
            // A zero vector has no direction: its cosine with anything is taken as 0.
            VectorMetric.Cosine => qq == 0 || vv == 0 ? 0 : dot / Math.Sqrt(qq * vv),
            VectorMetric.InnerProduct => dot,
            VectorMetric.Euclidean => Math.Sqrt(squared),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "expected Cosine, InnerProduct or Euclidean"),
        };
    }
}
