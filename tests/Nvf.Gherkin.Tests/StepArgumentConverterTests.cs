using FluentAssertions;
using Nvf.Gherkin.Bindings;
using Nvf.Gherkin.Tests.Samples;
using Xunit;

namespace Nvf.Gherkin.Tests;

public sealed class StepArgumentConverterTests
{
    [Theory]
    [InlineData("90%", 0.9)]
    [InlineData("97.4 %", 0.974)]
    [InlineData("0.68", 0.68)]
    [InlineData("-1.5e2", -150.0)]
    public void Percentages_become_fractions_and_numbers_stay_numbers(string text, double expected) =>
        ((double)StepArgumentConverter.Convert(text, typeof(double))!).Should().BeApproximately(expected, 1e-12);

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1.5 s", 1500)]
    [InlineData("90 sec", 90_000)]
    [InlineData("3 min", 180_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1 d", 86_400_000)]
    [InlineData("00:01:30", 90_000)]
    public void Durations_read_as_written(string text, double milliseconds) =>
        ((TimeSpan)StepArgumentConverter.Convert(text, typeof(TimeSpan))!).TotalMilliseconds.Should().Be(milliseconds);

    [Theory]
    [InlineData("ivf flat", IndexKind.IvfFlat)]
    [InlineData("IVF-Flat", IndexKind.IvfFlat)]
    [InlineData("flat", IndexKind.Flat)]
    public void Enums_ignore_case_and_separators(string text, IndexKind expected) =>
        StepArgumentConverter.Convert(text, typeof(IndexKind)).Should().Be(expected);

    [Theory]
    [InlineData("584,000", 584_000)]
    [InlineData("-3", -3)]
    public void Integers_accept_thousands_separators(string text, int expected) =>
        StepArgumentConverter.Convert(text, typeof(int)).Should().Be(expected);

    [Fact]
    public void Yes_and_no_are_booleans() =>
        new[] { "yes", "no", "true", "off" }.Select(t => StepArgumentConverter.Convert(t, typeof(bool)))
            .Should().Equal(true, false, true, false);

    [Fact]
    public void A_bad_value_names_the_text_and_the_type() =>
        FluentActions.Invoking(() => StepArgumentConverter.Convert("lots", typeof(int)))
            .Should().Throw<FormatException>().WithMessage("*\"lots\"*Int32*");

    [Fact]
    public void A_bad_enum_lists_the_names() =>
        FluentActions.Invoking(() => StepArgumentConverter.Convert("hnsw", typeof(IndexKind)))
            .Should().Throw<FormatException>().WithMessage("*Flat, IvfFlat*");

    [Fact]
    public void A_bad_duration_says_what_is_expected() =>
        FluentActions.Invoking(() => DurationParser.Parse("soon"))
            .Should().Throw<FormatException>().WithMessage("*250ms*");
}
