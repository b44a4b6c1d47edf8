using System.Text.Json;
using FluentAssertions;
using Nvf.Files;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Support;
using Xunit;

namespace Nvf.Gherkin.Tests;

/// <summary>The run as Cucumber Messages NDJSON and Cucumber's official HTML report.</summary>
public sealed class CucumberMessagesTests
{
    static async Task<RunReport> Report() => (await InnerRun.RunAsync(ReportTests.EveryOutcome, [.. InnerRun.AllSamples, typeof(RecordingHooks)])).Report;

    static List<JsonElement> Lines(string ndjson) =>
        ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public async Task Every_scenario_is_a_test_case_of_its_pickle_with_each_steps_status()
    {
        var report = await Report();

        var lines = Lines(CucumberMessagesWriter.ToNdjson(CucumberMessagesWriter.Envelopes(report)));

        lines.Should().OnlyContain(l => l.EnumerateObject().Count() == 1, "each NDJSON line is one envelope with one message");
        var kinds = lines.Select(l => l.EnumerateObject().Single().Name).ToList();
        kinds[0].Should().Be("meta");
        kinds.Should().ContainInOrder("source", "gherkinDocument", "pickle", "testRunStarted", "testCase", "testCaseStarted", "testStepStarted", "testStepFinished", "testCaseFinished", "testRunFinished");
        kinds.Count(k => k == "pickle").Should().Be(6);
        kinds.Count(k => k == "testCase").Should().Be(6);
        var statuses = lines.Where(l => l.TryGetProperty("testStepFinished", out _))
            .Select(l => l.GetProperty("testStepFinished").GetProperty("testStepResult").GetProperty("status").GetString()).Distinct();
        statuses.Should().BeEquivalentTo(["PASSED", "FAILED", "SKIPPED", "UNDEFINED", "PENDING", "AMBIGUOUS"]);
        lines.Single(l => l.TryGetProperty("source", out _)).GetProperty("source").GetProperty("mediaType").GetString().Should().Be("text/x.cucumber.gherkin+plain");
        var attachments = lines.Where(l => l.TryGetProperty("attachment", out _)).Select(l => l.GetProperty("attachment")).ToList();
        attachments.Should().Contain(a => a.GetProperty("mediaType").GetString() == "text/markdown", "tables travel as Markdown");
        lines.Last().GetProperty("testRunFinished").GetProperty("success").GetBoolean().Should().BeFalse("a scenario failed");
        var failed = lines.Where(l => l.TryGetProperty("testStepFinished", out _)).Select(l => l.GetProperty("testStepFinished").GetProperty("testStepResult"))
            .Single(r => r.GetProperty("status").GetString() == "FAILED");
        failed.GetProperty("message").GetString().Should().Contain("boom: the sample failure");
    }

    [Fact]
    public async Task A_run_read_back_from_results_json_is_refused_by_name_not_written_without_its_scenarios()
    {
        var back = RunReportJson.Read(RunReportJson.Write(await Report()), "results.json");

        ReportFiles.HasDocuments(back).Should().BeFalse("results.json keeps no parsed documents, so no pickles");
        FluentActions.Invoking(() => CucumberMessagesWriter.Envelopes(back)).Should().Throw<InvalidOperationException>()
            .WithMessage("*: the run has no parsed document for this feature*");
    }

    [Fact]
    public async Task Test_steps_point_at_their_pickle_steps_and_test_cases_at_their_pickles()
    {
        var lines = Lines(CucumberMessagesWriter.ToNdjson(CucumberMessagesWriter.Envelopes(await Report())));

        var pickles = lines.Where(l => l.TryGetProperty("pickle", out _)).Select(l => l.GetProperty("pickle")).ToDictionary(p => p.GetProperty("id").GetString()!);
        foreach (var testCase in lines.Where(l => l.TryGetProperty("testCase", out _)).Select(l => l.GetProperty("testCase")))
        {
            var pickle = pickles[testCase.GetProperty("pickleId").GetString()!];
            testCase.GetProperty("testSteps").EnumerateArray().Select(s => s.GetProperty("pickleStepId").GetString())
                .Should().Equal(pickle.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("id").GetString()), "one test step per pickle step, in order (Background first)");
        }
    }

    [Fact]
    public async Task Cucumbers_html_report_renders_every_scenario_in_headless_chromium()
    {
        var report = await Report();
        var folder = Path.Combine(RunOptions.RepositoryRoot(AppContext.BaseDirectory), "artifacts", "screenshots");
        var page = Path.Combine(folder, "cucumber-report.html");
        AtomicFile.WriteAllText(page, CucumberMessagesWriter.ToHtml(CucumberMessagesWriter.Envelopes(report), "every outcome"));

        // The report is a React app: give its script virtual time to render before the DOM is dumped.
        var (dom, console) = HeadlessChromium.Run(page, "--virtual-time-budget=10000", "--dump-dom");

        console.Where(c => !c.Contains("Download the React DevTools", StringComparison.Ordinal)).Should().BeEmpty("Cucumber's report script must run without errors");
        // The messages are embedded in a script: only text outside scripts and styles proves the report rendered them.
        var markup = System.Text.RegularExpressions.Regex.Replace(dom, "<(script|style)[^>]*>.*?</\\1>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        var rendered = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(markup, "<[^>]+>", " "), "\\s+", " ");
        rendered.Should().Contain("Feature: Every outcome").And.Contain("(1 / 6) passed");
        foreach (var scenario in new[] { "Passes with evidence", "Fails", "Skips", "Undefined", "Pending", "Ambiguous" })
            rendered.Should().Contain($"Scenario: {scenario}");
        rendered.Should().Contain("boom: the sample failure");
    }
}
