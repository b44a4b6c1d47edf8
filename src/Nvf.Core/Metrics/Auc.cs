namespace Nvf.Core.Metrics;

/// <summary>
/// Area under the ROC curve of scores that should rank positives above negatives: the probability
/// that a random positive outscores a random negative, ties counting one half. Computed from the
/// Mann-Whitney U statistic with mid-ranks for ties, O((P + N) log(P + N)).
/// </summary>
public static class Auc
{
    /// <summary>AUC in [0, 1] of <paramref name="positives"/> against <paramref name="negatives"/> (0.5 = chance).</summary>
    public static double MannWhitney(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        if (positives.Count == 0 || negatives.Count == 0)
            throw new ArgumentException($"{positives.Count} positives and {negatives.Count} negatives; expected at least one of each");
        var all = new (double Score, bool Positive)[positives.Count + negatives.Count];
        for (var i = 0; i < positives.Count; i++)
            all[i] = (Checked(positives[i], nameof(positives)), true);
        for (var i = 0; i < negatives.Count; i++)
            all[positives.Count + i] = (Checked(negatives[i], nameof(negatives)), false);
        Array.Sort(all, (a, b) => a.Score.CompareTo(b.Score));

        // Sum of the positives' 1-based ranks, each tie group sharing its mean rank.
        double positiveRankSum = 0;
        for (var start = 0; start < all.Length;)
        {
            var end = start;
            while (end + 1 < all.Length && all[end + 1].Score == all[start].Score)
                end++;
            var midRank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                if (all[i].Positive)
                    positiveRankSum += midRank;
            }
            start = end + 1;
        }
        double p = positives.Count, n = negatives.Count;
        var u = positiveRankSum - p * (p + 1) / 2;
        return u / (p * n);
    }

    private static double Checked(double score, string name) =>
        double.IsNaN(score) ? throw new ArgumentException($"{name} contains NaN; expected finite scores", name) : score;
}
