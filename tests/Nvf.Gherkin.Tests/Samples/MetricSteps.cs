using FluentAssertions;
using Nvf.Gherkin.Engine;
using Reqnroll;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>Sample bindings that record metrics and read the run so far, for inner runs.</summary>
[Binding]
public sealed class MetricSteps(ScenarioEvidence context, RunSoFar soFar)
{
    [Given("a metric {word} of {float}")]
    public void GivenAMetric(string name, double value) => context.RecordMetric(new Metric(name, value, MetricDirection.HigherIsBetter));

    [Then("the run so far recorded {int} metric(s)")]
    public void ThenTheRunSoFarRecorded(int count) => soFar.Metrics.Should().HaveCount(count);
}
