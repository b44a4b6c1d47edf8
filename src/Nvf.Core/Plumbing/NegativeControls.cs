using Nvf.Core.Data;

namespace Nvf.Core.Plumbing;

/// <summary>Broken copies of good data, each made to prove that a plumbing check can fail.</summary>
public static class NegativeControls
{
    /// <summary>Smallest and largest random norm of <see cref="ScaledByRandomNorms"/>.</summary>
    public const float MinimumNorm = 0.5f, MaximumNorm = 2.0f;

    /// <summary>
    /// The first <paramref name="rows"/> rows of <paramref name="payload"/>, each scaled to a random
    /// norm in [0.5, 2] drawn by <paramref name="seed"/>: an unnormalized payload, float32 (rows, D).
    /// </summary>
    public static VectorSet ScaledByRandomNorms(IVectorRows payload, int rows, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (rows <= 0 || rows > payload.Count)
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"expected 1 to {payload.Count} rows");
        var scaled = payload.Slice(0, rows);
        var random = new SeededRandom(seed);
        for (var r = 0; r < rows; r++)
        {
            var norm = MinimumNorm + (float)random.NextDouble() * (MaximumNorm - MinimumNorm);
            foreach (ref var x in scaled.Row(r))
                x *= norm;
        }

        return scaled;
    }
}
