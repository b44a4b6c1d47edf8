using Nvf.Core.Data;

namespace Nvf.Core.Metrics;

/// <summary>
/// L2 norms of a vector set in double (pure-infonce-sanity-report.md, "Vector Normalization": mean,
/// min, max and std of payload norms; all within 1e-5 of 1 means the payload is normalised).
/// </summary>
/// <param name="Mean">Mean norm.</param>
/// <param name="Min">Smallest norm.</param>
/// <param name="Max">Largest norm.</param>
/// <param name="Std">Population standard deviation of the norms (NumPy's default, ddof = 0).</param>
/// <param name="Count">Number of vectors.</param>
public sealed record NormStatistics(double Mean, double Min, double Max, double Std, int Count)
{
    /// <summary>True when every norm lies within <paramref name="tolerance"/> of 1.</summary>
    public bool AllUnit(double tolerance = 1e-5) => Math.Abs(Min - 1) <= tolerance && Math.Abs(Max - 1) <= tolerance;

    /// <summary>Norm statistics over vectors that arrive one at a time (a collection read page by page), without keeping them.</summary>
    public sealed class Accumulator
    {
        long count;
        double mean;
        double m2;
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;

        /// <summary>Adds one vector's norm (Welford's running mean and variance).</summary>
        /// <param name="vector">The vector.</param>
        public void Add(ReadOnlySpan<float> vector)
        {
            var norm = VectorMath.Norm(vector);
            count++;
            var delta = norm - mean;
            mean += delta / count;
            m2 += delta * (norm - mean);
            min = Math.Min(min, norm);
            max = Math.Max(max, norm);
        }

        /// <summary>The statistics of the vectors added so far.</summary>
        public NormStatistics Result() => count == 0
            ? throw new InvalidOperationException("no vectors; expected at least one")
            : new NormStatistics(mean, min, max, Math.Sqrt(m2 / count), checked((int)count));
    }

    /// <summary>Measures the norms of every row of <paramref name="vectors"/>.</summary>
    public static NormStatistics Measure(IVectorRows vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
            throw new ArgumentException("no vectors; expected at least one row", nameof(vectors));
        var norms = new double[vectors.Count];
        var d = vectors.Dimension;
        vectors.Scan((start, rows, block) =>
        {
            for (var i = 0; i < rows; i++)
                norms[start + i] = VectorMath.Norm(block.Slice(i * d, d));
        });
        var mean = norms.Average();
        var variance = norms.Sum(x => (x - mean) * (x - mean)) / norms.Length;
        return new NormStatistics(mean, norms.Min(), norms.Max(), Math.Sqrt(variance), norms.Length);
    }
}
