using FluentAssertions;
using Nvf.Core.InfoNce;
using Xunit;

namespace Nvf.Core.Tests.InfoNce;

public class KebabNameTests
{
    [Theory]
    [InlineData("pure-infonce", TrainingObjective.PureInfoNce)]
    [InlineData("v1-split", TrainingObjective.V1Split)]
    [InlineData("two-tower", TrainingObjective.TwoTower)]
    public void Feature_spellings_round_trip(string spelling, TrainingObjective objective)
    {
        KebabName.Parse<TrainingObjective>(spelling).Should().Be(objective);
        KebabName.Format(objective).Should().Be(spelling);
    }

    [Fact]
    public void An_unknown_name_lists_the_accepted_ones() =>
        FluentActions.Invoking(() => KebabName.Parse<EncoderKind>("gru")).Should().Throw<ArgumentException>().WithMessage("*attention, mlp*");
}
