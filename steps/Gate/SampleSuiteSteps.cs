using System.Globalization;
using Nvf.Gherkin.Bindings;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Gate;

/// <summary>
/// Bindings of the small sample suites the gate's own checks run (the snapshot scenario here, the CLI's
/// end-to-end tests): they record a given metric, pass, or skip, and nothing else.
/// </summary>
[Binding]
public sealed class SampleSuiteSteps(ScenarioContext context)
{
    [Given("the sample records {string} = {float}, {word} is better")]
    public void RecordsMetric(string name, double value, string better)
    {
        context.ReportProgress(string.Create(CultureInfo.InvariantCulture, $"{name} = {value}"));
        context.RecordMetric(new Metric(name, value, better switch
        {
            "higher" => MetricDirection.HigherIsBetter,
            "lower" => MetricDirection.LowerIsBetter,
            _ => throw new FormatException($"'{better}' is not a direction; expected \"higher\" or \"lower\"."),
        }));
    }

    [Given("the sample passes")]
    public void Passes()
    {
    }

    [Given("the sample skips because {string}")]
    public void Skips(string reason) => ScenarioContext.Skip(reason);

    [Given("the sample fails because {string}")]
    public void Fails(string reason) => throw new InvalidOperationException(reason);
}
