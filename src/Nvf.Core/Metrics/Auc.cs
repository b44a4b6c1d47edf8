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
        // Scores and labels in two arrays sorted together: the primitive-key sort is several times faster than a
        // comparison delegate over tuples (5.4 million pairs for the seed's 5,244 eval rows in batches of 1,024).
        var scores = new double[positives.Count + negatives.Count];
        var positive = new bool[scores.Length];
        for (var i = 0; i < positives.Count; i++)
            (scores[i], positive[i]) = (Checked(positives[i], nameof(positives)), true);
        for (var i = 0; i < negatives.Count; i++)
            scores[positives.Count + i] = Checked(negatives[i], nameof(negatives));
        Array.Sort(scores, positive);

        // Sum of the positives' 1-based ranks, each tie group sharing its mean rank (so the order within a tie does not matter).
        double positiveRankSum = 0;
        for (var start = 0; start < scores.Length;)
        {
            var end = start;
            while (end + 1 < scores.Length && scores[end + 1] == scores[start])
                end++;
            var midRank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                if (positive[i])
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
