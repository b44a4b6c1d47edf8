using FluentAssertions;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Metrics;

/// <summary>MRR@k, nDCG@k and McNemar's exact test against values worked by hand.</summary>
public sealed class RankMetricsTests
{
    // Ranks 0, 1, 3, absent: MRR@5 = (1 + 1/2 + 1/4 + 0) / 4; nDCG@5 = (1 + 1/log2(3) + 1/log2(5) + 0) / 4; R@2 = 2/4.
    static readonly int[] Ranks = [0, 1, 3, -1];

    [Fact]
    public void Mrr_ndcg_and_recall_at_k_match_their_definitions()
    {
        RankMetrics.MrrAtK(Ranks, 5).Mean.Should().BeApproximately((1 + 0.5 + 0.25) / 4, 1e-12);
        RankMetrics.NdcgAtK(Ranks, 5).Mean.Should().BeApproximately((1 + 1 / Math.Log2(3) + 1 / Math.Log2(5)) / 4, 1e-12);
        RankMetrics.RecallAtK(Ranks, 2).Estimate.Should().Be(0.5);
        RankMetrics.MrrAtK(Ranks, 2).Mean.Should().BeApproximately(1.5 / 4, 1e-12, "a rank at or beyond k counts nothing");
        var m = RankMetrics.MrrAtK(Ranks, 5);
        m.Low.Should().BeLessThan(m.Mean);
        m.High.Should().BeGreaterThan(m.Mean).And.BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void McNemar_counts_the_discordant_pairs_and_gives_the_exact_binomial_p()
    {
        // 1 query only the first run hit, 9 only the second: p = 2 * P(X <= 1), X ~ Bin(10, 1/2) = 2 * 11 / 1024.
        var first = new[] { true, false, false, false, false, false, false, false, false, false, true, false };
        var second = new[] { false, true, true, true, true, true, true, true, true, true, true, false };

        var test = McNemar.Of(first, second);

        (test.Both, test.OnlyFirst, test.OnlySecond, test.Neither).Should().Be((1L, 1L, 9L, 1L));
        test.PValue.Should().BeApproximately(22.0 / 1024, 1e-12);
        McNemar.Of(first, first).PValue.Should().Be(1, "identical runs have no discordant pair");
        var act = () => McNemar.Of(first, second[..5]);
        act.Should().Throw<ArgumentException>().WithMessage("*12 and 5 outcomes*");
    }
}
