namespace Nvf.Core.Data;

/// <summary>
/// Brute-force nearest neighbours by cosine: the oracle that labels query sets and measures the
/// ceiling (exact search on the same query distribution) every accuracy is reported against.
/// O(queries x database x dimension); fine for the seed's 1,000-vector database.
/// </summary>
public static class ExactCosineSearch
{
    /// <summary>
    /// For each row of <paramref name="queries"/>, the ids of the <paramref name="k"/> database rows
    /// with the highest cosine, best first, as a (queries.Count, k) row-major array. Ties keep the
    /// lower id first.
    /// </summary>
    public static int[] TopK(VectorSet database, VectorSet queries, int k)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(queries);
        if (database.Dimension != queries.Dimension)
            throw new ArgumentException($"queries have dimension {queries.Dimension}, database {database.Dimension}; expected equal", nameof(queries));
        if (k <= 0 || k > database.Count)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"expected 1 <= k <= {database.Count} (database rows)");
        var unitDatabase = VectorMath.NormalizedCopy(database);
        var result = new int[queries.Count * k];
        // Queries in blocks of 16 per pass over the database: one pass streams the whole database
        // from memory, so blocking cuts memory traffic 16-fold on databases larger than the cache.
        const int block = 16;
        var blocks = (queries.Count + block - 1) / block;
        // One score buffer per worker, reused block after block: a fresh (16 x N) per block would put gigabytes of
        // large-object garbage on the heap for a researcher's 100,000-row database before the GC reclaims it.
        Parallel.For(0, blocks, () => Enumerable.Range(0, block).Select(_ => new float[unitDatabase.Count]).ToArray(), (b, _, scores) =>
        {
            var first = b * block;
            var count = Math.Min(block, queries.Count - first);
            for (var j = 0; j < unitDatabase.Count; j++)
            {
                var row = unitDatabase.Row(j);
                for (var q = 0; q < count; q++)
                    scores[q][j] = VectorMath.Dot(queries.Row(first + q), row);
            }
            for (var q = 0; q < count; q++)
                SelectTop(scores[q], result.AsSpan((first + q) * k, k));
            return scores;
        }, _ => { });
        return result;
    }

    /// <summary>The exact nearest database row of each query (Top-1 of <see cref="TopK"/>).</summary>
    public static int[] Nearest(VectorSet database, VectorSet queries) => TopK(database, queries, 1);

    private static void SelectTop(float[] scores, Span<int> top)
    {
        // Insertion into a short sorted list: k is 1..50 here, the database is small.
        var filled = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            var s = scores[j];
            if (filled == top.Length && s <= scores[top[filled - 1]])
                continue;
            var pos = Math.Min(filled, top.Length - 1);
            while (pos > 0 && scores[top[pos - 1]] < s)
            {
                top[pos] = top[pos - 1];
                pos--;
            }
            top[pos] = j;
            if (filled < top.Length)
                filled++;
        }
    }
}
