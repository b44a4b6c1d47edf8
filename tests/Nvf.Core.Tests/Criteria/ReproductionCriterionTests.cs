using FluentAssertions;
using Nvf.Core.Criteria;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Criteria;

public sealed class ReproductionCriterionTests
{
    [Theory]
    [InlineData(3400, true)]  // 68.0%
    [InlineData(3300, true)]  // 66.0%: exactly 2 points below
    [InlineData(3299, false)] // 65.98%
    [InlineData(3500, true)]  // 70.0%
    [InlineData(3501, false)]
    public void PassesWithinTheToleranceOnly(int hits, bool passes)
    {
        var verdict = new ReproductionCriterion("Top-1", 0.68, 2).Judge(ProportionEstimate.Wilson(hits, 5000));

        verdict.Passed.Should().Be(passes, verdict.Describe());
    }

    [Fact]
    public void DescribesTheDifferenceInPoints()
    {
        new ReproductionCriterion("Top-1", 0.68, 2).Judge(ProportionEstimate.Wilson(3450, 5000)).Describe()
            .Should().Be("Top-1 69.0% [67.7, 70.3] (n = 5000) vs 68% ± 2 points: +1.0 points, PASS");
    }

    [Fact]
    public void ZeroToleranceDemandsTheExactFigure()
    {
        var criterion = new ReproductionCriterion("oracle", 1.0, 0);
        criterion.Judge(ProportionEstimate.Wilson(5000, 5000)).Passed.Should().BeTrue();
        criterion.Judge(ProportionEstimate.Wilson(4999, 5000)).Passed.Should().BeFalse();
    }
}
