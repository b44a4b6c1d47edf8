namespace Nvf.Core.Stores;

/// <summary>
/// The answer of <see cref="IVectorStore.SearchAsync"/>: for each of <see cref="QueryCount"/>
/// queries, <see cref="K"/> results best first, row-major (query q at [q * K, (q + 1) * K)).
/// Scores are in <see cref="Metric"/>'s unit (cosine similarity, inner product, or Euclidean
/// distance, not squared). Missing results (fewer than K stored vectors) have id -1 and score NaN,
/// after the found ones.
/// </summary>
public sealed class StoreSearchResult
{
    /// <summary>Wraps arrays of shape (queryCount, k) (not copied).</summary>
    public StoreSearchResult(long[] ids, float[] scores, int queryCount, int k, VectorMetric metric)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(scores);
        if (queryCount < 0 || k < 1)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"expected queryCount >= 0 and k >= 1, got ({queryCount}, {k})");
        if (ids.LongLength != (long)queryCount * k || scores.LongLength != ids.LongLength)
            throw new ArgumentException($"expected {queryCount} x {k} ids and scores, got {ids.LongLength} ids and {scores.LongLength} scores", nameof(ids));
        Ids = ids;
        Scores = scores;
        QueryCount = queryCount;
        K = k;
        Metric = metric;
    }

    /// <summary>Result ids, shape (QueryCount, K), int64; -1 = missing.</summary>
    public long[] Ids { get; }

    /// <summary>Scores, shape (QueryCount, K), float32, in <see cref="Metric"/>'s unit; NaN where the id is -1.</summary>
    public float[] Scores { get; }

    /// <summary>Number of queries.</summary>
    public int QueryCount { get; }

    /// <summary>Results per query.</summary>
    public int K { get; }

    /// <summary>The metric, hence the unit and direction of <see cref="Scores"/>.</summary>
    public VectorMetric Metric { get; }

    /// <summary>Query <paramref name="query"/>'s K ids, best first.</summary>
    public ReadOnlySpan<long> IdsOf(int query) => Ids.AsSpan(RowStart(query), K);

    /// <summary>Query <paramref name="query"/>'s K scores, best first.</summary>
    public ReadOnlySpan<float> ScoresOf(int query) => Scores.AsSpan(RowStart(query), K);

    private int RowStart(int query)
    {
        if ((uint)query >= (uint)QueryCount)
            throw new ArgumentOutOfRangeException(nameof(query), query, $"expected a query in [0, {QueryCount})");
        return query * K;
    }
}
