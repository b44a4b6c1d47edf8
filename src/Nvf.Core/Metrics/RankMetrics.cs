namespace Nvf.Core.Metrics;

/// <summary>A mean over queries with its normal 95% interval (mean ± 1.96 standard errors, clamped to [0, 1]).</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
/// <param name="Count">How many queries.</param>
public sealed record MeanEstimate(double Mean, double Low, double High, long Count)
{
    /// <summary>The mean of <paramref name="values"/> (each in [0, 1]) with its interval.</summary>
    /// <param name="values">One value per query.</param>
    public static MeanEstimate Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new MeanEstimate(double.NaN, 0, 1, 0);
        }

        var mean = values.Average();
        var variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0;
        var half = ProportionEstimate.Z95 * Math.Sqrt(variance / values.Count);
        return new MeanEstimate(mean, Math.Max(0, mean - half), Math.Min(1, mean + half), values.Count);
    }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Mean:F3} [{Low:F3}, {High:F3}] (n = {Count})");
}

/// <summary>
/// Rank metrics of a retrieval with one relevant item per query (the eval row's own next chunk), from the 0-based rank of that
/// item in each query's list (-1 when it is not in the list): MRR@k (the mean of 1 / (rank + 1) within the first k) and nDCG@k
/// (the mean of 1 / log2(rank + 2) within the first k; with one relevant item the ideal DCG is 1).
/// </summary>
public static class RankMetrics
{
    /// <summary>MRR@k.</summary>
    /// <param name="ranks">The relevant item's rank per query, -1 when absent.</param>
    /// <param name="k">The cut-off (>= 1).</param>
    public static MeanEstimate MrrAtK(IReadOnlyList<int> ranks, int k) => Mean(ranks, k, rank => 1.0 / (rank + 1));

    /// <summary>nDCG@k.</summary>
    /// <param name="ranks">The relevant item's rank per query, -1 when absent.</param>
    /// <param name="k">The cut-off (>= 1).</param>
    public static MeanEstimate NdcgAtK(IReadOnlyList<int> ranks, int k) => Mean(ranks, k, rank => 1.0 / Math.Log2(rank + 2));

    /// <summary>R@k: the share of queries whose relevant item is within the first k, with its Wilson interval.</summary>
    /// <param name="ranks">The relevant item's rank per query, -1 when absent.</param>
    /// <param name="k">The cut-off (>= 1).</param>
    public static ProportionEstimate RecallAtK(IReadOnlyList<int> ranks, int k)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return ProportionEstimate.Wilson(ranks.Count(r => r >= 0 && r < k), ranks.Count);
    }

    static MeanEstimate Mean(IReadOnlyList<int> ranks, int k, Func<int, double> gain)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return MeanEstimate.Of(ranks.Select(r => r >= 0 && r < k ? gain(r) : 0.0).ToList());
    }
}
