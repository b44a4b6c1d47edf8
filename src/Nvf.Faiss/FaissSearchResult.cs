namespace Nvf.Faiss;

/// <summary>
/// The answer to a batch search: for each of <see cref="QueryCount"/> queries, <see cref="K"/>
/// results best first, row-major (query q's results at [q * K, (q + 1) * K)). Where the index held
/// fewer than K reachable vectors (small index, few probed lists) the missing results have id -1
/// and score NaN, always after the found ones.
/// </summary>
public sealed class FaissSearchResult
{
    internal FaissSearchResult(long[] ids, float[] scores, int queryCount, int k)
    {
        Ids = ids;
        Scores = scores;
        QueryCount = queryCount;
        K = k;
    }

    /// <summary>Ranked ids (and scores, or null for NaN) obtained elsewhere, e.g. from a vector database, in the same layout.</summary>
    public static FaissSearchResult Create(long[] ids, float[]? scores, int queryCount, int k)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (queryCount < 0 || k < 1 || ids.Length != (long)queryCount * k || (scores is not null && scores.Length != ids.Length))
            throw new ArgumentException($"{ids.Length} ids and {scores?.Length.ToString() ?? "no"} scores for {queryCount} queries of {k}; expected queries x k of each", nameof(ids));
        if (scores is null)
        {
            scores = new float[ids.Length];
            Array.Fill(scores, float.NaN);
        }

        return new FaissSearchResult(ids, scores, queryCount, k);
    }

    /// <summary>Result ids, shape (QueryCount, K): row numbers in insertion order, or the caller's ids with an ID map; -1 = missing.</summary>
    public long[] Ids { get; }

    /// <summary>
    /// Scores, shape (QueryCount, K), float32: inner products (higher is closer) or squared L2
    /// distances (lower is closer), by the index's metric; NaN where the id is -1.
    /// </summary>
    public float[] Scores { get; }

    /// <summary>Number of queries searched.</summary>
    public int QueryCount { get; }

    /// <summary>Results asked for per query.</summary>
    public int K { get; }

    /// <summary>Query <paramref name="query"/>'s K ids, best first.</summary>
    public ReadOnlySpan<long> IdsOf(int query) => Ids.AsSpan(RowStart(query), K);

    /// <summary>Query <paramref name="query"/>'s K scores, best first.</summary>
    public ReadOnlySpan<float> ScoresOf(int query) => Scores.AsSpan(RowStart(query), K);

    /// <summary>How many of query <paramref name="query"/>'s K results were found (id != -1).</summary>
    public int FoundCount(int query)
    {
        var ids = IdsOf(query);
        var found = ids.IndexOf(-1L);
        return found < 0 ? K : found;
    }

    /// <summary>The 0-based rank of <paramref name="id"/> among query <paramref name="query"/>'s results, or -1 when absent.</summary>
    public int RankOf(int query, long id)
    {
        if (id < 0)
            throw new ArgumentOutOfRangeException(nameof(id), id, "expected an id >= 0 (-1 marks missing results)");
        return IdsOf(query).IndexOf(id);
    }

    /// <summary>Splits the result into its two arrays: <c>var (ids, scores) = result;</c>.</summary>
    public void Deconstruct(out long[] ids, out float[] scores)
    {
        ids = Ids;
        scores = Scores;
    }

    private int RowStart(int query)
    {
        if ((uint)query >= (uint)QueryCount)
            throw new ArgumentOutOfRangeException(nameof(query), query, $"expected a query in [0, {QueryCount})");
        return query * K;
    }
}
