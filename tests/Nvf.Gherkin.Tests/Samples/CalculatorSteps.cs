using FluentAssertions;
using Nvf.Gherkin.Engine;
using Reqnroll;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>Sample bindings for inner runs (the outer run binds only Nvf.Gherkin.Tests.Steps).</summary>
[Binding]
public sealed class CalculatorSteps(Calculator calculator, ScenarioEvidence context)
{
    [Given("the number {float}")]
    public void GivenTheNumber(double number) => calculator.Numbers.Add(number);

    [When("I add {int} and {int}")]
    public void WhenIAdd(int a, int b) => calculator.Numbers.AddRange([a, b]);

    [Then("the total is {float}")]
    public void ThenTheTotalIs(double total) => calculator.Total.Should().Be(total);

    [Then("the share is {percent}")]
    public void ThenTheShareIs(double fraction) => (calculator.Total / 100).Should().BeApproximately(fraction, 1e-12);

    [Then("the scenario is called {string}")]
    public void ThenTheScenarioIsCalled(string name) => context.Scenario.Name.Should().Be(name);

    [Then("the calculator was created for this scenario")]
    public void ThenFresh() => calculator.Disposed.Should().BeFalse();
}
