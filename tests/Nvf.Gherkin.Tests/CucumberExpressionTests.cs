using FluentAssertions;
using Nvf.Gherkin.Bindings;
using Xunit;

namespace Nvf.Gherkin.Tests;

public sealed class CucumberExpressionTests
{
    [Theory]
    [InlineData("I have {int} cukes", "I have -42 cukes", "-42")]
    [InlineData("a score of {float}", "a score of 0.974", "0.974")]
    [InlineData("a score of {float}", "a score of 1e-3", "1e-3")]
    [InlineData("the {word} index", "the IVF-Flat index", "IVF-Flat")]
    [InlineData("the file {string}", "the file \"a b.npz\"", "\"a b.npz\"")]
    [InlineData("the file {string}", "the file 'x.npy'", "'x.npy'")]
    [InlineData("anything: {}", "anything: goes here", "goes here")]
    [InlineData("Top-1 of at least {percent}", "Top-1 of at least 90%", "90%")]
    [InlineData("within {duration}", "within 1.5 s", "1.5 s")]
    public void Each_parameter_type_captures_its_text(string expression, string text, string captured)
    {
        var regex = CucumberExpression.Compile(expression, out var types);

        regex.Match(text).Groups[1].Value.Should().Be(captured);
        types.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("I have 1 cucumber", true)]
    [InlineData("I have 2 cucumbers", true)]
    [InlineData("I have 2 cucumberz", false)]
    public void Optional_text_in_parentheses_may_be_absent(string text, bool matches) =>
        CucumberExpression.Compile("I have {int} cucumber(s)", out _).IsMatch(text).Should().Be(matches);

    [Theory]
    [InlineData("it is in my belly", true)]
    [InlineData("it is in my stomach", true)]
    [InlineData("it is in my tummy", false)]
    public void Alternatives_bind_to_their_word(string text, bool matches) =>
        CucumberExpression.Compile("it is in my belly/stomach", out _).IsMatch(text).Should().Be(matches);

    [Fact]
    public void A_backslash_makes_special_characters_literal() =>
        CucumberExpression.Compile(@"a \(literal\) \{int\} a\/b", out _).IsMatch("a (literal) {int} a/b").Should().BeTrue();

    [Fact]
    public void Regex_metacharacters_in_plain_text_are_literal() =>
        CucumberExpression.Compile("R@5 is 1.0 [ok]*", out _).IsMatch("R@5 is 1x0 [ok]*").Should().BeFalse();

    [Fact]
    public void An_unknown_parameter_type_is_refused_with_the_known_ones() =>
        FluentActions.Invoking(() => CucumberExpression.Compile("the {colour} car", out _))
            .Should().Throw<FormatException>().WithMessage("*unknown parameter type {colour}*{int}*");

    [Theory]
    [InlineData("^anchored (\\d+)$", true)]
    [InlineData("ends with$", true)]
    [InlineData("plain {int}", false)]
    public void Anchors_mark_a_regular_expression(string expression, bool isRegex) =>
        CucumberExpression.IsRegularExpression(expression).Should().Be(isRegex);
}
