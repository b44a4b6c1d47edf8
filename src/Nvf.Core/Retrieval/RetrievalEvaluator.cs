using System.Diagnostics;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;
using Nvf.Faiss;

namespace Nvf.Core.Retrieval;

/// <summary>Searches an index with predictions and scores the ranked lists against the truth rows.</summary>
public static class RetrievalEvaluator
{
    /// <summary>Results per query: the seed's top 50.</summary>
    public const int SeedTopK = 50;

    /// <summary>
    /// Searches <paramref name="index"/> (ids = payload rows) with <paramref name="predictions"/>
    /// float32 (N, D) for the top <paramref name="topK"/>; query i's answer is payload row
    /// <paramref name="truthRows"/>[i], and <paramref name="sameVector"/>[i] holds the rows storing
    /// the same vector (itself and its exact duplicates). <paramref name="staleIds"/>, when given,
    /// replaces each id the index returns by staleIds[id]: what a stale index file whose ids are rows of
    /// another row order would have returned (<see cref="Artifacts.IndexFault.StaleRowOrder"/>).
    /// </summary>
    public static RetrievalReport Evaluate(
        FaissIndex index, string indexDescription, VectorSet predictions, IReadOnlyList<long> truthRows,
        IReadOnlyList<IReadOnlySet<long>> sameVector, int topK = SeedTopK, IReadOnlyList<long>? staleIds = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(truthRows);
        ArgumentNullException.ThrowIfNull(sameVector);
        if (truthRows.Count != predictions.Count || sameVector.Count != predictions.Count)
            throw new ArgumentException($"{predictions.Count} predictions, {truthRows.Count} truth rows, {sameVector.Count} duplicate sets; expected one each per query", nameof(truthRows));
        if (topK < 5)
            throw new ArgumentOutOfRangeException(nameof(topK), topK, "expected top-k >= 5 (R@5 is reported)");
        var clock = Stopwatch.StartNew();
        var result = index.Search(predictions.Data, predictions.Dimension, topK);
        return Evaluate(result, clock.Elapsed.TotalSeconds, indexDescription, truthRows, sameVector, topK, staleIds);
    }

    /// <summary>R@5 and Contain@50 of search results already obtained (e.g. an exact search over the payload array).</summary>
    /// <param name="result">The ranked ids, one list of <paramref name="topK"/> per query.</param>
    /// <param name="seconds">Wall time the search took.</param>
    /// <param name="indexDescription">What was searched.</param>
    /// <param name="truthRows">The payload row of each query's target.</param>
    /// <param name="sameVector">Per query, the rows holding the same vector as its target (exact duplicates).</param>
    /// <param name="topK">Results per query (&gt;= 5).</param>
    /// <param name="staleIds">When set, the row each returned id names (an index built from another row order).</param>
    public static RetrievalReport Evaluate(
        global::Nvf.Faiss.FaissSearchResult result, double seconds, string indexDescription, IReadOnlyList<long> truthRows,
        IReadOnlyList<IReadOnlySet<long>> sameVector, int topK = SeedTopK, IReadOnlyList<long>? staleIds = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (truthRows.Count != result.QueryCount || sameVector.Count != result.QueryCount)
            throw new ArgumentException($"{result.QueryCount} result lists, {truthRows.Count} truth rows, {sameVector.Count} duplicate sets; expected one each per query", nameof(truthRows));
        var ids = result.Ids;
        if (staleIds is not null)
            ids = ids.Select(id => id < 0 ? id : staleIds[(int)id]).ToArray();
        var ranked = new RankedLists(ids, topK);
        return new RetrievalReport(
            indexDescription,
            RetrievalMetrics.RecallAtK(ranked, truthRows, 5),
            RetrievalMetrics.ContainAtK(ranked, sameVector, Math.Min(50, topK)),
            topK,
            seconds);
    }
}
