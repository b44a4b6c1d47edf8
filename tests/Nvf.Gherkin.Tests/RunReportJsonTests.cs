using System.Net;
using System.Text.Json;
using FluentAssertions;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Support;
using Xunit;

namespace Nvf.Gherkin.Tests;

/// <summary>A run kept as results.json re-renders every report byte for byte, and the HTML report carries its verdict, plots and explanations.</summary>
public sealed class RunReportJsonTests
{
    const string Outline = """
        @outline
        Feature: Outline with metrics
          Scenario Outline: adds <a>
            Given the number <a>
            And a metric sample.<name> of <value>
            Examples: small
              | a | name | value |
              | 1 | one  | 0.5   |
              | 2 | two  | 0.25  |
        """;

    // A Rule's name is part of a scenario's heading in the HTML report: `nvf report` of a real run lost it before it was kept.
    const string UnderARule = """
        Feature: Tiers
          Scenario: outside any rule
            Given the number 2
          Rule: Good needs R@5 of 5%
            Scenario: good
              Given the number 1
        """;

    [Fact]
    public async Task Every_report_rendered_from_the_read_back_results_is_identical()
    {
        var (everyOutcome, _) = await InnerRun.RunAsync(ReportTests.EveryOutcome, [.. InnerRun.AllSamples, typeof(RecordingHooks)]);
        var (outline, _) = await InnerRun.RunAsync(Outline, [.. InnerRun.AllSamples, typeof(MetricSteps)]);
        var (rules, _) = await InnerRun.RunAsync(UnderARule, InnerRun.AllSamples);

        RunReportJson.Read(RunReportJson.Write(rules), "results.json").Results.Select(r => r.Scenario.Rule).Should().Equal("", "Good needs R@5 of 5%");
        foreach (var report in new[] { everyOutcome, outline, rules })
        {
            var json = RunReportJson.Write(report);
            var read = RunReportJson.Read(json, "results.json");

            RunReportJson.Write(read).Should().Be(json);
            HtmlReportWriter.Write(read, "r").Should().Be(HtmlReportWriter.Write(report, "r"));
            MarkdownSummaryWriter.Write(read, "r").Should().Be(MarkdownSummaryWriter.Write(report, "r"));
            CucumberJsonWriter.Write(read).Should().Be(CucumberJsonWriter.Write(report));
            read.Metrics.Select(m => (m.Result.Scenario.Title, m.Metric)).Should().Equal(report.Metrics.Select(m => (m.Result.Scenario.Title, m.Metric)));
        }
    }

    [Fact]
    public void A_file_that_is_not_a_recorded_run_is_refused_with_its_name()
    {
        var notJson = () => RunReportJson.Read("{ \"version\": ", "/runs/x/results.json");
        var otherVersion = () => RunReportJson.Read("{ \"version\": 99, \"features\": [], \"results\": [], \"runHooks\": [], \"refusedFiles\": [] }", "/runs/x/results.json");

        notJson.Should().Throw<JsonException>().WithMessage("/runs/x/results.json: not a recorded run*");
        otherVersion.Should().Throw<JsonException>().WithMessage("/runs/x/results.json: layout version 99; expected 1*");
    }

    [Fact]
    public async Task The_html_report_opens_with_the_verdict_per_feature_the_plots_and_an_explanation_per_section()
    {
        var (report, _) = await InnerRun.RunAsync(ReportTests.EveryOutcome, [.. InnerRun.AllSamples, typeof(RecordingHooks)]);
        var withSection = report with { Sections = [new ReportSection("Tool section", "<p>tool body</p>", "tool body") { Explanation = "What the tool shows." }] };

        var html = HtmlReportWriter.Write(withSection, "r");

        var order = new[] { "<h2>Verdict per feature</h2>", "<h2>Tool section</h2>", "<h2>Plots</h2>", "<main>" }.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToList();
        order.Should().NotContain(-1).And.BeInAscendingOrder();
        html.Should().Contain("<td><span class=\"badge failed\">failed</span></td><td>Every outcome</td><td>6</td><td>1</td><td>4</td><td>1</td>",
            "one passed, four failed (failed, undefined, pending, ambiguous) and one skipped scenario");
        html.Should().Contain(WebUtility.HtmlEncode(HtmlReportWriter.VerdictExplanation)).And.Contain(WebUtility.HtmlEncode(HtmlReportWriter.PlotsExplanation))
            .And.Contain(WebUtility.HtmlEncode(HtmlReportWriter.FeaturesExplanation))
            .And.Contain("<p class=\"explain\">What the tool shows.</p><p>tool body</p>");
        html.Should().Contain("<figcaption>plot <span class=\"uri\">Every outcome › Passes with evidence</span></figcaption><img class=\"svg\"");
        MarkdownSummaryWriter.Write(withSection, "r").Should().Contain("### Tool section\n\n*What the tool shows.*\n\ntool body".ReplaceLineEndings());
    }
}
