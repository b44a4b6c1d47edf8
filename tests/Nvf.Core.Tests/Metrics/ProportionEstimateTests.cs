using FluentAssertions;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Metrics;

public sealed class ProportionEstimateTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I,
    // method 3 (Wilson score interval without continuity correction), printed to 4 decimals.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_newcombes_published_intervals(int successes, int trials, double lower, double upper)
    {
        var estimate = ProportionEstimate.Wilson(successes, trials);
        estimate.Lower.Should().BeApproximately(lower, 5e-5);
        estimate.Upper.Should().BeApproximately(upper, 5e-5);
        estimate.Estimate.Should().Be((double)successes / trials);
    }

    [Fact]
    public void Interval_is_symmetric_under_swapping_hits_and_misses()
    {
        var a = ProportionEstimate.Wilson(680, 1000);
        var b = ProportionEstimate.Wilson(320, 1000);
        a.Lower.Should().BeApproximately(1 - b.Upper, 1e-12);
        a.Upper.Should().BeApproximately(1 - b.Lower, 1e-12);
        a.ToString().Should().Be("68.0% [65.0, 70.8] (n = 1000)");
    }

    [Fact]
    public void All_hits_reach_one_and_no_trials_span_everything()
    {
        ProportionEstimate.Wilson(20, 20).Upper.Should().Be(1);
        ProportionEstimate.Wilson(20, 20).Lower.Should().BeApproximately(1 - 0.1611, 5e-5);
        var none = ProportionEstimate.Wilson(0, 0);
        (none.Lower, none.Upper).Should().Be((0, 1));
        none.Estimate.Should().Be(double.NaN);
    }

    [Fact]
    public void Impossible_counts_are_refused()
    {
        var act = () => ProportionEstimate.Wilson(5, 4);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*expected 0 <= successes <= trials (4)*");
    }
}
