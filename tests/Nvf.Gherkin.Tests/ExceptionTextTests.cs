using FluentAssertions;
using Nvf.Gherkin.Running;
using Xunit;
using Xunit.Sdk;

namespace Nvf.Gherkin.Tests;

/// <summary>
/// What a report shows for a failed step (issue "daily loop": the decision table showed "Xunit.Sdk.XunitException:
/// Expected value to be greater than or equal to 0.95, but found 0.663 (difference of -0.2869...)").
/// </summary>
public sealed class ExceptionTextTests
{
    [Fact]
    public void A_failed_check_reads_as_its_sentence_about_the_data()
    {
        var text = Describe(() => CheckFailedException.Unless(false, "oracle R@5 is 77.4%, expected 100%: 226 of 1,000 payload vectors came back neither as themselves nor as an identical copy"));

        text.Should().Be("oracle R@5 is 77.4%, expected 100%: 226 of 1,000 payload vectors came back neither as themselves nor as an identical copy");
    }

    [Fact]
    public void An_assertion_under_xunit_shows_its_message_without_the_type_or_a_stack_trace()
    {
        var text = Describe(() => throw new XunitException("Expected value to be 1.0, but found 0.5."));

        text.Should().Be("Expected value to be 1.0, but found 0.5.");
    }

    [Fact]
    public void An_unexpected_exception_keeps_its_type_and_place_for_whoever_fixes_it()
    {
        var text = Describe(() => throw new InvalidOperationException("the index was disposed"));

        text.Should().StartWith("System.InvalidOperationException: the index was disposed").And.Contain(nameof(ExceptionTextTests));
    }

    [Fact]
    public void A_check_that_holds_throws_nothing_and_an_empty_finding_is_refused()
    {
        var holds = () => CheckFailedException.Unless(true, "never shown");
        var empty = () => new CheckFailedException(" ");

        holds.Should().NotThrow();
        empty.Should().Throw<ArgumentException>().WithMessage("*needs a sentence*");
    }

    static string Describe(Action act)
    {
        try
        {
            act();
        }
        catch (Exception e)
        {
            return ExceptionText.Describe(e);
        }

        throw new InvalidOperationException("expected the action to throw");
    }
}
