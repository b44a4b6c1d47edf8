using FluentAssertions;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Core.Stores;
using Xunit;

namespace Nvf.Core.Tests.Configs;

/// <summary>The one enum-name parser: features, configs, store names and step arguments all go through it.</summary>
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

    [Theory]
    [InlineData("inner-product")]
    [InlineData("inner_product")]
    [InlineData("Inner Product")]
    [InlineData(" InnerProduct ")]
    public void Case_hyphens_underscores_and_spaces_are_ignored(string spelling)
    {
        KebabName.TryParse<VectorMetric>(spelling, out var metric).Should().BeTrue();
        metric.Should().Be(VectorMetric.InnerProduct);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_number_or_nothing_names_no_member(string? text) =>
        KebabName.TryParse<VectorMetric>(text, out _).Should().BeFalse();

    [Fact]
    public void An_unknown_name_lists_the_accepted_ones() =>
        FluentActions.Invoking(() => KebabName.Parse<EncoderKind>("gru")).Should().Throw<ArgumentException>().WithMessage("'gru' is not a EncoderKind; expected one of attention, mlp*");
}
