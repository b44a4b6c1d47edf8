using System.Text.Json;
using FluentAssertions;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Schema;
using Nvf.Gherkin.Tests.Support;
using Xunit;

namespace Nvf.Gherkin.Tests;

public sealed class MetricsAndOrderTests
{
    const string Feature = """
        Feature: Metrics
          @run-last
          Scenario: Judge
            Then the run so far recorded 2 metrics
          Scenario: First
            Given a metric top1 of 0.68
          Scenario: Second
            Given a metric top5 of 0.974
        """;

    [Fact]
    public async Task Run_last_scenarios_run_after_the_others_and_see_their_metrics()
    {
        var (report, _) = await InnerRun.RunAsync(Feature, [typeof(MetricSteps)]);

        report.Results.Select(r => r.Scenario.Name).Should().Equal("First", "Second", "Judge");
        report.Results.Select(r => r.Status).Should().AllBeEquivalentTo(StepStatus.Passed);
    }

    [Fact]
    public async Task A_metric_name_is_recorded_once_per_run_and_a_second_recording_fails_naming_the_first_scenario()
    {
        const string twice = """
            Feature: Twice
              Scenario: One
                Given a metric top1 of 0.68
              Scenario: Other
                Given a metric top1 of 0.70
            """;

        var (report, _) = await InnerRun.RunAsync(twice, [typeof(MetricSteps)]);

        report.Results[0].Status.Should().Be(StepStatus.Passed);
        report.Results[1].Status.Should().Be(StepStatus.Failed, "baselines and trends key metrics by name: a second value would silently replace the first");
        report.Results[1].FailureMessage.Should().Contain("Metric 'top1' was already recorded in this run by 'Twice › One'");
        report.Metrics.Should().ContainSingle();
    }

    [Fact]
    public async Task Recorded_metrics_are_listed_in_the_summary_and_keep_the_json_valid()
    {
        var (report, _) = await InnerRun.RunAsync(Feature, [typeof(MetricSteps)]);

        MarkdownSummaryWriter.Write(report, "metrics").Should().Contain("### Metrics")
            .And.Contain("| top1 | 0.68 |  | higher | Metrics › First |")
            .And.Contain("| top5 | 0.974 |  | higher | Metrics › Second |");
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "cucumber-json.schema.json"))).RootElement;
        new JsonSchemaValidator(schema).Validate(JsonDocument.Parse(CucumberJsonWriter.Write(report)).RootElement).Should().BeEmpty();
    }
}
