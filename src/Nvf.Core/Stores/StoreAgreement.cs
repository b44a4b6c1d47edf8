namespace Nvf.Core.Stores;

/// <summary>
/// Parity between two stores (FAISS flat vs Qdrant exact, say): do they return the same top-k
/// ids for the same queries? Exact engines may order tied vectors differently and round float32
/// sums differently, so a query counts as agreeing when its two lists are equivalent up to ties:
/// the score at every rank matches within the tolerance, and every id found by only one side
/// scores, within the tolerance, the same as that side's last (k-th) result, i.e. it sits in a tie
/// at the cut-off. Scores must be in the same unit (both results from <see cref="IVectorStore"/>,
/// where Euclidean is the distance, never its square).
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

        int identical = 0, equivalent = 0;
        double overlapSum = 0, maxDifference = 0;
        var disagreements = new List<int>();
        for (int q = 0; q < reference.QueryCount; q++)
        {
            var (refIds, refScores) = Found(reference, q);
            var (candIds, candScores) = Found(candidate, q);
            var common = refIds.Intersect(candIds).Count();
            overlapSum += refIds.Length == 0 ? (candIds.Length == 0 ? 1 : 0) : (double)common / refIds.Length;
            bool sameLength = refIds.Length == candIds.Length;
            bool profileMatches = sameLength;
            for (int r = 0; r < Math.Min(refIds.Length, candIds.Length); r++)
            {
                double difference = Math.Abs((double)refScores[r] - candScores[r]);
                maxDifference = Math.Max(maxDifference, difference);
                profileMatches &= difference <= scoreTolerance;
            }
            if (refIds.AsSpan().SequenceEqual(candIds))
            {
                identical++;
                equivalent++;
                continue;
            }
            if (profileMatches && OnlyTiesDiffer(refIds, refScores, candIds, scoreTolerance) && OnlyTiesDiffer(candIds, candScores, refIds, scoreTolerance))
                equivalent++;
            else if (disagreements.Count < ListedDisagreements)
                disagreements.Add(q);
        }
        double meanOverlap = reference.QueryCount == 0 ? 1 : overlapSum / reference.QueryCount;
        return new StoreAgreementReport(reference.QueryCount, reference.K, identical, equivalent, meanOverlap, maxDifference, scoreTolerance, disagreements);
    }

    /// <summary>True when every id of <paramref name="ids"/> missing from <paramref name="other"/> ties with the last score of its own list.</summary>
    private static bool OnlyTiesDiffer(long[] ids, float[] scores, long[] other, double tolerance)
    {
        if (ids.Length == 0)
            return true;
        double cutoff = scores[^1];
        var others = new HashSet<long>(other);
        for (int r = 0; r < ids.Length; r++)
        {
            if (!others.Contains(ids[r]) && Math.Abs(scores[r] - cutoff) > tolerance)
                return false;
        }
        return true;
    }

    private static (long[] Ids, float[] Scores) Found(StoreSearchResult result, int query)
    {
        var ids = result.IdsOf(query);
        int n = 0;
        while (n < ids.Length && ids[n] >= 0)
            n++;
        return (ids[..n].ToArray(), result.ScoresOf(query)[..n].ToArray());
    }
}
