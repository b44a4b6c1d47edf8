using FluentAssertions;
using Nvf.Gherkin.Engine;
using Reqnroll;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Tests.Steps;

/// <summary>Bindings of the runner's own outline/background/arguments feature, run directly by the outer run.</summary>
[Binding]
public sealed class TallySteps(Tally tally, ScenarioEvidence context)
{
    [Given("a fresh tally")]
    public void GivenAFreshTally()
    {
        tally.Amounts.Should().BeEmpty();
        Tally.Live.Should().Be(1, "the tally of the previous scenario was disposed when it ended");
    }

    [When("I tally {int} and {int}")]
    public void WhenITally(int a, int b) => tally.Amounts.AddRange([a, b]);

    [When("I tally these amounts:")]
    public void WhenITallyThese(IReadOnlyList<TallyLine> lines)
    {
        tally.Amounts.AddRange(lines.Select(l => (double)l.Amount));
        tally.Shares.AddRange(lines.Select(l => l.Share));
    }

    [When("I note:")]
    public void WhenINote(string note) => tally.Note = note;

    [Then("the tally is {int}")]
    public void ThenTheTallyIs(int sum) => tally.Amounts.Sum().Should().Be(sum);

    [Then("the tally is not {int}")]
    public void ThenTheTallyIsNot(int sum) => tally.Amounts.Sum().Should().NotBe(sum);

    [Then("the shares add up to {percent}")]
    public void ThenTheSharesAddUpTo(double total) => tally.Shares.Sum().Should().BeApproximately(total, 1e-12);

    [Then("the note mentions {string}")]
    public void ThenTheNoteMentions(string text) => tally.Note.Should().Contain(text);

    [Then("this scenario's test is named {string}")]
    public void ThenThisScenarioIsNamed(string name) => context.Scenario.DisplayName.Should().Be(name);
}
