using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Metrics;

public sealed class AucTests
{
    private static double BruteForce(double[] positives, double[] negatives)
    {
        double wins = 0;
        foreach (var p in positives)
        {
            foreach (var n in negatives)
                wins += p > n ? 1 : p == n ? 0.5 : 0;
        }
        return wins / (positives.Length * (double)negatives.Length);
    }

    [Theory]
    [InlineData(1UL, 10)]
    [InlineData(2UL, 3)]
    [InlineData(3UL, 1000)]
    public void Matches_a_brute_force_pair_count_with_many_ties(ulong seed, int levels)
    {
        // Scores rounded to a few levels so ties are frequent; positives shifted up a little.
        var random = new SeededRandom(seed);
        var positives = Enumerable.Range(0, 300).Select(_ => Math.Round((random.NextGaussian() + 0.5) * levels) / levels).ToArray();
        var negatives = Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextGaussian() * levels) / levels).ToArray();
        Auc.MannWhitney(positives, negatives).Should().BeApproximately(BruteForce(positives, negatives), 1e-12);
    }

    [Fact]
    public void Perfect_reversed_and_tied_scores()
    {
        Auc.MannWhitney([2, 3], [0, 1]).Should().Be(1);
        Auc.MannWhitney([0, 1], [2, 3]).Should().Be(0);
        Auc.MannWhitney([1, 1], [1, 1, 1]).Should().Be(0.5);
    }

    [Fact]
    public void Empty_side_is_refused()
    {
        var act = () => Auc.MannWhitney([1.0], []);
        act.Should().Throw<ArgumentException>().WithMessage("1 positives and 0 negatives; expected at least one of each*");
    }
}
