namespace Nvf.Core.Stores;

/// <summary>
/// Parity between two stores (FAISS flat vs Qdrant exact, say): do they return the same top-k
/// ids for the same queries? Exact engines may order tied vectors differently and round float32
/// sums differently, so a query counts as agreeing when its two lists are equivalent up to ties:
/// the score at every rank matches within the tolerance, and every id found by only one side
/// scores, within the tolerance, the same as that side's last (k-th) result, i.e. it sits in a tie
/// at the cut-off; and each id found by both sides has the same score on both. Scores must be in
/// the same unit (both results from <see cref="IVectorStore"/>, where Euclidean is the distance,
/// never its square); for Euclidean the tolerance applies to squared distances.
/// </summary>
public static class StoreAgreement
{
    // Enough disagreeing query indices to investigate without flooding a report.
    private const int ListedDisagreements = 20;

    /// <summary>Compares <paramref name="candidate"/> with <paramref name="reference"/> (same queries, k and metric).</summary>
    public static StoreAgreementReport Compare(StoreSearchResult reference, StoreSearchResult candidate, double scoreTolerance)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        if (reference.QueryCount != candidate.QueryCount || reference.K != candidate.K || reference.Metric != candidate.Metric)
            throw new ArgumentException(
                $"expected results of the same shape and metric, got ({reference.QueryCount} x {reference.K}, {reference.Metric}) and ({candidate.QueryCount} x {candidate.K}, {candidate.Metric})",
                nameof(candidate));
        if (!(scoreTolerance >= 0))
            throw new ArgumentOutOfRangeException(nameof(scoreTolerance), scoreTolerance, "expected a tolerance >= 0 in score units");

        // Euclidean is compared on squared distances: float32 rounding is additive there, while the
        // square root magnifies it near 0 (FAISS scores a self-match ~1e-5 squared, 0.005 as a distance).
        bool squared = reference.Metric == VectorMetric.Euclidean;
        int identical = 0, equivalent = 0;
        double overlapSum = 0, maxDifference = 0;
        var disagreements = new List<int>();
        for (int q = 0; q < reference.QueryCount; q++)
        {
            var a = Found(reference, q, squared);
            var b = Found(candidate, q, squared);
            var common = a.ScoreById.Keys.Intersect(b.ScoreById.Keys).ToList();
            overlapSum += a.Ids.Length == 0 ? (b.Ids.Length == 0 ? 1 : 0) : (double)common.Count / a.Ids.Length;
            bool scoresAgree = a.Ids.Length == b.Ids.Length;
            for (int r = 0; r < Math.Min(a.Ids.Length, b.Ids.Length); r++)
            {
                double difference = Math.Abs(a.Scores[r] - b.Scores[r]);
                maxDifference = Math.Max(maxDifference, difference);
                scoresAgree &= difference <= scoreTolerance;
            }
            // Each engine must also give every id both found the same score, or a swap of two non-tied ids would pass.
            scoresAgree &= common.All(id => Math.Abs(a.ScoreById[id] - b.ScoreById[id]) <= scoreTolerance);
            if (a.Ids.AsSpan().SequenceEqual(b.Ids))
                identical++;
            if (scoresAgree && OnlyTiesDiffer(a, b, scoreTolerance) && OnlyTiesDiffer(b, a, scoreTolerance))
                equivalent++;
            else if (disagreements.Count < ListedDisagreements)
                disagreements.Add(q);
        }
        double meanOverlap = reference.QueryCount == 0 ? 1 : overlapSum / reference.QueryCount;
        return new StoreAgreementReport(reference.QueryCount, reference.K, identical, equivalent, meanOverlap, maxDifference, scoreTolerance, disagreements);
    }

    /// <summary>True when every id of <paramref name="list"/> missing from <paramref name="other"/> ties with the last score of its own list.</summary>
    private static bool OnlyTiesDiffer(FoundList list, FoundList other, double tolerance)
    {
        if (list.Ids.Length == 0)
            return true;
        double cutoff = list.Scores[^1];
        for (int r = 0; r < list.Ids.Length; r++)
        {
            if (!other.ScoreById.ContainsKey(list.Ids[r]) && Math.Abs(list.Scores[r] - cutoff) > tolerance)
                return false;
        }
        return true;
    }

    /// <summary>The found (id >= 0) results of one query, scores as compared (squared for Euclidean).</summary>
    private static FoundList Found(StoreSearchResult result, int query, bool squared)
    {
        var ids = result.IdsOf(query);
        var scores = result.ScoresOf(query);
        int n = 0;
        while (n < ids.Length && ids[n] >= 0)
            n++;
        var compared = new double[n];
        var keys = new Dictionary<long, double>(n);
        for (int r = 0; r < n; r++)
        {
            compared[r] = squared ? (double)scores[r] * scores[r] : scores[r];
            // A store listing an id twice keeps its best (first) score.
            keys.TryAdd(ids[r], compared[r]);
        }
        return new FoundList(ids[..n].ToArray(), compared, keys);
    }

    private sealed record FoundList(long[] Ids, double[] Scores, Dictionary<long, double> ScoreById);
}
