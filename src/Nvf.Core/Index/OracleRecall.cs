using Nvf.Faiss;

namespace Nvf.Core.Index;

/// <summary>
/// The index sanity check of pure-infonce-sanity-report.md ("Oracle Recall"): search with vectors
/// that are in the index and count how often each finds itself within k. A vector on IVF-Flat
/// always probes its own list and scores exactly its own norm, so the only honest way to lose rank 1
/// is a tie with an identical copy (real text repeats boilerplate paragraphs hundreds of times); the
/// vector "finds itself" when it or any identical copy comes back, and only a query for which neither
/// does is a fault.
/// </summary>
public static class OracleRecall
{
    /// <summary>
    /// Searches <paramref name="index"/> with <paramref name="queries"/> (row-major, shape
    /// (queryIds.Length, <paramref name="dimension"/>), float32), row i being the vector stored
    /// under <paramref name="queryIds"/>[i], and measures R@k for every k in <paramref name="ks"/>,
    /// both counting identical copies as the vector itself and by own id only.
    /// <paramref name="areDuplicates"/> says whether two ids hold bit-identical vectors
    /// (e.g. <see cref="Artifacts.GateData.AreDuplicates"/>); without it only the own id counts.
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
        var distinct = ks.Distinct().Order().ToArray();
        var hits = distinct.ToDictionary(k => k, _ => 0);
        var ownHits = distinct.ToDictionary(k => k, _ => 0);
        var misses = new List<OracleRecallMiss>();
        var groups = new Dictionary<long, int>(); // first id of a copy group met in the results → copies seen
        for (var q = 0; q < queryIds.Count; q++)
        {
            var expected = queryIds[q];
            var ownRank = result.RankOf(q, expected);
            var ids = result.IdsOf(q);
            var copyRank = -1;
            var copies = 0;
            for (var j = 0; j < ids.Length; j++)
            {
                var same = ids[j] == expected || (ids[j] >= 0 && areDuplicates is not null && areDuplicates(ids[j], expected));
                if (!same)
                    continue;
                copies++;
                if (copyRank < 0)
                    copyRank = j;
            }

            if (copies > 1)
                groups[expected] = copies;
            foreach (var k in distinct)
            {
                if (copyRank >= 0 && copyRank < k)
                    hits[k]++;
                if (ownRank >= 0 && ownRank < k)
                    ownHits[k]++;
            }

            if (ownRank != 0)
                misses.Add(Explain(result, q, expected, ownRank, copyRank == 0));
        }

        return new OracleRecallResult(
            queryIds.Count,
            hits.ToDictionary(h => h.Key, h => (double)h.Value / queryIds.Count),
            misses)
        {
            OwnIdRecallAtK = ownHits.ToDictionary(h => h.Key, h => (double)h.Value / queryIds.Count),
            CopiesMet = groups.Values.ToArray(),
        };
    }

    private static OracleRecallMiss Explain(FaissSearchResult result, int query, long expected, int rank, bool copyRankedFirst)
    {
        var firstId = result.IdsOf(query)[0];
        var firstScore = result.ScoresOf(query)[0];
        var ownScore = rank >= 0 ? result.ScoresOf(query)[rank] : float.NaN;
        return new OracleRecallMiss(query, expected, firstId, firstScore, rank, ownScore, copyRankedFirst ? OracleMissKind.DuplicateTie : OracleMissKind.Fault);
    }
}
