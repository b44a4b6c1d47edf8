namespace Nvf.Core.Metrics;

/// <summary>
/// Recall-style metrics over ranked lists, each returned with its Wilson 95% interval.
/// Recall@k: the query's single true id is among its first k ids (pure-infonce-sanity-report.md's
/// R@1/R@5/R@50). Contain@k: any of a set of acceptable ids is among the first k, e.g. the true
/// chunk and its exact duplicates; with one acceptable id it equals Recall@k.
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>Share of queries whose <paramref name="truth"/> id appears in the first <paramref name="k"/> ids.</summary>
    public static ProportionEstimate RecallAtK(RankedLists ranked, IReadOnlyList<long> truth, int k)
    {
        ArgumentNullException.ThrowIfNull(truth);
        Check(ranked, truth.Count, k);
        long hits = 0;
        for (var q = 0; q < ranked.QueryCount; q++)
        {
            if (truth[q] < 0)
                throw new ArgumentException($"truth[{q}] = {truth[q]}; expected a non-negative id (-1 only marks empty result slots)", nameof(truth));
            var rank = ranked.RankOf(q, truth[q]);
            if (rank >= 0 && rank < k)
                hits++;
        }
        return ProportionEstimate.Wilson(hits, ranked.QueryCount);
    }

    /// <summary>Share of queries with at least one id of <paramref name="accepted"/>[q] in the first <paramref name="k"/> ids.</summary>
    public static ProportionEstimate ContainAtK(RankedLists ranked, IReadOnlyList<IReadOnlySet<long>> accepted, int k)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        Check(ranked, accepted.Count, k);
        long hits = 0;
        for (var q = 0; q < ranked.QueryCount; q++)
        {
            var row = ranked.Row(q)[..k];
            foreach (var id in row)
            {
                if (id >= 0 && accepted[q].Contains(id))
                {
                    hits++;
                    break;
                }
            }
        }
        return ProportionEstimate.Wilson(hits, ranked.QueryCount);
    }

    /// <summary>
    /// Top-k accuracy of scores float32 (N, C) against <paramref name="labels"/> (N, values in [0, C)):
    /// a row is a hit when its label's rank is below k, rank = #(scores greater than the label's) +
    /// #(equal scores at a lower index), i.e. ties go to the lower index as in a stable sort.
    /// </summary>
    public static ProportionEstimate TopKAccuracy(ReadOnlySpan<float> scores, int classes, IReadOnlyList<int> labels, int k)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (classes <= 0)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "expected at least one class");
        if ((long)labels.Count * classes != scores.Length)
            throw new ArgumentException($"{scores.Length} scores for {labels.Count} labels x {classes} classes; expected N x C", nameof(scores));
        if (k <= 0 || k > classes)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"expected 1 <= k <= {classes} (classes)");
        long hits = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"labels[{i}] = {label}; expected a class in [0, {classes})");
            var row = scores.Slice(i * classes, classes);
            var s = row[label];
            var rank = 0;
            for (var c = 0; c < classes && rank < k; c++)
            {
                if (row[c] > s || (row[c] == s && c < label))
                    rank++;
            }
            if (rank < k)
                hits++;
        }
        return ProportionEstimate.Wilson(hits, labels.Count);
    }

    private static void Check(RankedLists ranked, int count, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (count != ranked.QueryCount)
            throw new ArgumentException($"{count} truths for {ranked.QueryCount} ranked lists; expected one per query");
        if (k <= 0 || k > ranked.Width)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"expected 1 <= k <= {ranked.Width} (the lists' width)");
    }
}
