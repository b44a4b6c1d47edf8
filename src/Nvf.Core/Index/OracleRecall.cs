using Nvf.Faiss;

namespace Nvf.Core.Index;

/// <summary>
/// The index sanity check of pure-infonce-sanity-report.md ("Oracle Recall"): search with vectors
/// that are in the index and count how often each finds itself within k. A vector on IVF-Flat
/// always probes its own list and scores exactly its own norm, so the only honest way to lose rank 1
/// is a tie with an exact duplicate; every other miss is reported as a fault.
/// </summary>
public static class OracleRecall
{
    /// <summary>
    /// Searches <paramref name="index"/> with <paramref name="queries"/> (row-major, shape
    /// (queryIds.Length, <paramref name="dimension"/>), float32), row i being the vector stored
    /// under <paramref name="queryIds"/>[i], and measures R@k for every k in <paramref name="ks"/>.
    /// <paramref name="areDuplicates"/> says whether two ids hold the same vector by construction
    /// (e.g. <see cref="Data.TopicPayload.AreDuplicates"/>); without it every miss is a fault.
    /// </summary>
    public static OracleRecallResult Measure(
        FaissIndex index, ReadOnlySpan<float> queries, int dimension, IReadOnlyList<long> queryIds, IReadOnlyList<int> ks,
        Func<long, long, bool>? areDuplicates = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queryIds);
        ArgumentNullException.ThrowIfNull(ks);
        if (ks.Count == 0 || ks.Any(k => k <= 0))
            throw new ArgumentException($"expected one or more k >= 1, got [{string.Join(", ", ks)}]", nameof(ks));
        if (queryIds.Count == 0 || (long)queryIds.Count * dimension != queries.Length)
            throw new ArgumentException(
                $"expected one id per query row: {queries.Length} floats of dimension {dimension} vs {queryIds.Count} ids", nameof(queryIds));

        var result = index.Search(queries, dimension, ks.Max());
        var hits = ks.Distinct().ToDictionary(k => k, _ => 0);
        var misses = new List<OracleRecallMiss>();
        for (var q = 0; q < queryIds.Count; q++)
        {
            var rank = result.RankOf(q, queryIds[q]);
            foreach (var k in hits.Keys)
            {
                if (rank >= 0 && rank < k)
                    hits[k]++;
            }
            if (rank != 0)
                misses.Add(Explain(result, q, queryIds[q], rank, areDuplicates));
        }
        var recall = hits.ToDictionary(h => h.Key, h => (double)h.Value / queryIds.Count);
        return new OracleRecallResult(queryIds.Count, recall, misses);
    }

    private static OracleRecallMiss Explain(FaissSearchResult result, int query, long expected, int rank, Func<long, long, bool>? areDuplicates)
    {
        var firstId = result.IdsOf(query)[0];
        var firstScore = result.ScoresOf(query)[0];
        var ownScore = rank >= 0 ? result.ScoresOf(query)[rank] : float.NaN;
        // A tie needs both: the winner is a copy of the query, and it scored exactly what the query's own entry scored.
        var tie = firstId >= 0 && areDuplicates is not null && areDuplicates(firstId, expected) && (rank < 0 || firstScore == ownScore);
        return new OracleRecallMiss(query, expected, firstId, firstScore, rank, ownScore, tie ? OracleMissKind.DuplicateTie : OracleMissKind.Fault);
    }
}
