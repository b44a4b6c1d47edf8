using Nvf.Core.Data;

namespace Nvf.Core.Teacher;

/// <summary>
/// Data on which two stores' top-k lists are compared: <see cref="Vectors"/> float32 (N, D) stored
/// under ids 0..N-1 and <see cref="Queries"/> float32 (Q, D).
/// </summary>
/// <param name="Vectors">The stored rows.</param>
/// <param name="Queries">The queries.</param>
/// <param name="Duplicates">How many stored rows are exact copies of another (ties any engine may order its own way).</param>
public sealed record ParityData(VectorSet Vectors, VectorSet Queries, int Duplicates)
{
    /// <summary>
    /// Parity data from <paramref name="corpus"/> (e.g. the clustered corpus, unit rows): each row
    /// scaled to a length drawn uniformly in [0.5, 2] so that cosine, inner product and Euclidean
    /// distance rank differently; the last <paramref name="duplicates"/> rows overwritten with
    /// copies of the first ones (exact ties); and <paramref name="queries"/> queries, the even ones
    /// copies of duplicated rows (so ties reach the top of their lists), the odd ones random Gaussian.
    /// </summary>
    public static ParityData Make(VectorSet corpus, int queries, int duplicates, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        if (duplicates < 1 || 2 * duplicates > corpus.Count)
            throw new ArgumentOutOfRangeException(nameof(duplicates), duplicates, $"expected 1 to {corpus.Count / 2} duplicates (at most half of the {corpus.Count} rows)");
        var random = new SeededRandom(seed);
        var vectors = new VectorSet((float[])corpus.Data.Clone(), corpus.Count, corpus.Dimension);
        for (int i = 0; i < vectors.Count; i++)
        {
            float length = (float)(0.5 + 1.5 * random.NextDouble());
            var row = vectors.Row(i);
            for (int j = 0; j < row.Length; j++)
                row[j] *= length;
        }

        for (int i = 0; i < duplicates; i++)
            vectors.Row(i).CopyTo(vectors.Row(vectors.Count - duplicates + i));
        var query = new VectorSet(new float[(long)queries * corpus.Dimension], queries, corpus.Dimension);
        for (int q = 0; q < queries; q++)
        {
            if (q % 2 == 0)
                vectors.Row(q / 2 % duplicates).CopyTo(query.Row(q));
            else
                random.FillGaussian(query.Row(q));
        }

        return new ParityData(vectors, query, duplicates);
    }
}
