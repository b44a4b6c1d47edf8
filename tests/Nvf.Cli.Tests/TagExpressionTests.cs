using FluentAssertions;
using Nvf.Cli.CommandLine;
using Nvf.Cli.Gate;
using Xunit;

namespace Nvf.Cli.Tests;

public sealed class TagExpressionTests
{
    [Theory]
    [InlineData("@nvf", "nvf gate", true)]
    [InlineData("@nvf", "infonce", false)]
    [InlineData("@nvf and not @slow", "nvf slow", false)]
    [InlineData("@nvf and not @slow", "nvf", true)]
    [InlineData("@a or @b and @c", "a", true)]
    [InlineData("@a or @b and @c", "b", false)]
    [InlineData("(@a or @b) and @c", "a", false)]
    [InlineData("(@a or @b) and @c", "b c", true)]
    [InlineData("not not @a", "a", true)]
    [InlineData("not (@a or @b)", "c", true)]
    public void Precedence_is_not_then_and_then_or(string expression, string tags, bool expected) =>
        TagExpression.Parse(expression).Matches(tags.Split(' ')).Should().Be(expected);

    [Fact]
    public void Tags_match_with_or_without_their_at_sign() =>
        TagExpression.Parse("@gate").Matches(["@gate"]).Should().BeTrue();

    [Theory]
    [InlineData("", "--tags is empty")]
    [InlineData("@a and", "it ends where a tag was expected")]
    [InlineData("(@a or @b", "a '(' is not closed")]
    [InlineData("@a @b", "unexpected '@b'")]
    [InlineData("@a )", "unexpected ')'")]
    [InlineData("a", "'a' is not a tag")]
    [InlineData("@", "'@' is not a tag")]
    public void Malformed_expressions_are_usage_errors_saying_where(string expression, string problem) =>
        FluentActions.Invoking(() => TagExpression.Parse(expression)).Should().Throw<UsageException>().WithMessage($"*{problem}*");
}
