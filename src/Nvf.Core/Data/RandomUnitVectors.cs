namespace Nvf.Core.Data;

/// <summary>
/// Uniformly random unit vectors (a normalised standard Gaussian), the NVF seed's synthetic database
/// (Phase 1: 1,000 x 128) and its random queries. Rows are generated in fixed blocks, block b from
/// <see cref="SeededRandom.Fork"/>(seed, b), so the result is the same for any thread count.
/// </summary>
public static class RandomUnitVectors
{
    /// <summary>Rows per independently seeded block.</summary>
    public const int BlockRows = 1024;

    /// <summary>Generates <paramref name="count"/> unit float32 vectors of <paramref name="dimension"/>.</summary>
    public static VectorSet Generate(int count, int dimension, ulong seed)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "expected a count >= 0");
        if (dimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "expected a dimension > 0");
        var set = new VectorSet(new float[(long)count * dimension], count, dimension);
        var blocks = (count + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, b =>
        {
            var random = SeededRandom.Fork(seed, (ulong)b);
            var end = Math.Min(count, (b + 1) * BlockRows);
            for (var i = b * BlockRows; i < end; i++)
            {
                var row = set.Row(i);
                random.FillGaussian(row);
                VectorMath.Normalize(row);
            }
        });
        return set;
    }
}
