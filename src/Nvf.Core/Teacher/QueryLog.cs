using Nvf.Core.Data;
using Nvf.Core.Stores;

namespace Nvf.Core.Teacher;

/// <summary>
/// What a vector store answered to a set of queries: the teacher's labelled data. For each of
/// <see cref="Count"/> queries (float32 rows of <see cref="Queries"/>), the store's top
/// <see cref="K"/> ids (int64, best first, -1 = missing) and scores (float32, in
/// <see cref="Metric"/>'s unit: cosine similarity, inner product, or Euclidean distance never
/// squared; NaN = missing). Saved and read with <see cref="QueryLogFile"/>.
/// </summary>
public sealed class QueryLog
{
    /// <summary>
    /// Wraps (without copying) <paramref name="queries"/> (Q, D), <paramref name="ids"/> and
    /// <paramref name="scores"/> (Q x <paramref name="k"/>, row-major); throws when the content
    /// breaks the log's rules (found ids first and distinct, scores best first, NaN only where missing).
    /// </summary>
    public QueryLog(VectorSet queries, long[] ids, float[] scores, int k, VectorMetric metric, QueryLogSource source)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (ids.LongLength != (long)queries.Count * k || scores.LongLength != ids.LongLength)
            throw new ArgumentException($"expected {queries.Count} x {k} ids and scores (one row per query), got {ids.LongLength} ids and {scores.LongLength} scores", nameof(ids));
        if (QueryLogContent.FirstProblem(ids, scores, queries.Count, k, metric) is { } problem)
            throw new ArgumentException($"{problem.Field} {problem.Problem}", problem.Field == "ids" ? nameof(ids) : nameof(scores));
        Queries = queries;
        Ids = ids;
        Scores = scores;
        K = k;
        Metric = metric;
        Source = source;
    }

    /// <summary>The queries, float32 (Count, Dimension), as sent to the store.</summary>
    public VectorSet Queries { get; }

    /// <summary>The store's ids, int64 (Count, K) row-major, best first; -1 = missing.</summary>
    public long[] Ids { get; }

    /// <summary>The store's scores, float32 (Count, K), in <see cref="Metric"/>'s unit; NaN where the id is -1.</summary>
    public float[] Scores { get; }

    /// <summary>Results logged per query.</summary>
    public int K { get; }

    /// <summary>The store's ranking metric (and score unit).</summary>
    public VectorMetric Metric { get; }

    /// <summary>Which store answered, on which corpus, for which queries.</summary>
    public QueryLogSource Source { get; }

    /// <summary>Number of queries Q.</summary>
    public int Count => Queries.Count;

    /// <summary>Query width D.</summary>
    public int Dimension => Queries.Dimension;

    /// <summary>Logs <paramref name="result"/>, the answer of a store to <paramref name="queries"/> (same row order).</summary>
    public static QueryLog FromSearch(VectorSet queries, StoreSearchResult result, QueryLogSource source)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(result);
        if (result.QueryCount != queries.Count)
            throw new ArgumentException($"the result answers {result.QueryCount} queries; expected one answer per query ({queries.Count})", nameof(result));
        return new QueryLog(queries, result.Ids, result.Scores, result.K, result.Metric, source);
    }

    /// <summary>Query <paramref name="query"/>'s K ids, best first.</summary>
    public ReadOnlySpan<long> IdsOf(int query) => Ids.AsSpan(RowStart(query), K);

    /// <summary>Query <paramref name="query"/>'s K scores, best first.</summary>
    public ReadOnlySpan<float> ScoresOf(int query) => Scores.AsSpan(RowStart(query), K);

    /// <summary>The store's best id for query <paramref name="query"/>, or -1 when it found nothing.</summary>
    public long TopId(int query) => Ids[RowStart(query)];

    /// <summary>The log as the <see cref="StoreSearchResult"/> it was made from (arrays shared, not copied).</summary>
    public StoreSearchResult AsSearchResult() => new(Ids, Scores, Count, K, Metric);

    /// <summary>Writes the log to <paramref name="path"/> (see <see cref="QueryLogFile"/>), atomically.</summary>
    public void Save(string path) => QueryLogFile.Write(path, this);

    /// <summary>Reads a log written by <see cref="Save"/>; a <see cref="QueryLogFormatException"/> names the file and field at fault.</summary>
    public static QueryLog Load(string path) => QueryLogFile.Read(path);

    private int RowStart(int query)
    {
        if ((uint)query >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(query), query, $"expected a query in [0, {Count})");
        return query * K;
    }
}
