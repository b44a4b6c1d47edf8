using System.Text.Json;
using FluentAssertions;
using Nvf.Gherkin.Engine;
using Reqnroll;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Schema;
using Nvf.Gherkin.Tests.Support;

namespace Nvf.Gherkin.Tests.Steps;

/// <summary>Bindings of the runner's own specs that run a feature inside the test with the sample bindings.</summary>
[Binding]
public sealed class InnerRunSteps(InnerRunContext run, ScenarioEvidence context)
{
    [Given("a feature file:")]
    public void GivenAFeatureFile(string text) => run.FeatureText = text;

    [When("the runner runs it")]
    public async Task WhenTheRunnerRunsIt() => (run.Report, run.Log) = await InnerRun.RunAsync(run.FeatureText);

    [When("the runner runs it with the recording hooks")]
    public async Task WhenTheRunnerRunsItWithHooks() =>
        (run.Report, run.Log) = await InnerRun.RunAsync(run.FeatureText, [.. InnerRun.AllSamples, typeof(RecordingHooks)]);

    [When("the runner checks it in a dry run")]
    public async Task WhenDryRun() =>
        (run.Report, run.Log) = await InnerRun.RunAsync(run.FeatureText, [.. InnerRun.AllSamples, typeof(RecordingHooks)], dryRun: true);

    [When("the runner parses it")]
    public void WhenTheRunnerParsesIt() =>
        run.ParseError = FluentActions.Invoking(() => FeatureParser.Parse(run.FeatureText, "sample.feature")).Should().Throw<FeatureParseException>().Which;

    [Then("scenario {string} is {word}")]
    public void ThenScenarioIs(string name, StepStatus status) => run.RequireReport().Scenario(name).Status.Should().Be(status);

    [Then("the run log is:")]
    public void ThenTheRunLogIs(string expected) => run.Log.Should().Equal(Lines(expected));

    [Then("the run log ends with:")]
    public void ThenTheRunLogEndsWith(string expected) => run.Log.TakeLast(Lines(expected).Count).Should().Equal(Lines(expected));

    [Then("nothing ran")]
    public void ThenNothingRan() => run.Log.Should().BeEmpty();

    [Then("the failure of {string} contains:")]
    public void ThenTheFailureContains(string name, string expected) =>
        run.RequireReport().Scenario(name).FailureMessage.Should().Contain(expected.ReplaceLineEndings());

    [Then("the skip reason of {string} is {string}")]
    public void ThenTheSkipReasonIs(string name, string reason) => run.RequireReport().Scenario(name).SkipReason.Should().Be(reason);

    [Then("it is refused with:")]
    public void ThenItIsRefusedWith(string expected) => run.ParseError!.Message.Should().Be(expected.ReplaceLineEndings());

    [Then("the reports agree with the run")]
    public void ThenTheReportsAgree()
    {
        var report = run.RequireReport();
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "cucumber-json.schema.json"))).RootElement;
        var violations = new JsonSchemaValidator(schema).Validate(JsonDocument.Parse(CucumberJsonWriter.Write(report)).RootElement);
        var markdown = MarkdownSummaryWriter.Write(report, "inner");
        var html = HtmlReportWriter.Write(report, "inner");
        var checks = new (string Check, string Result, bool Pass)[]
        {
            ("**Cucumber JSON schema violations**", violations.Count.ToString(), violations.Count == 0),
            ("**Scenarios in the Markdown summary**", $"{report.Results.Count(r => markdown.Contains(r.Scenario.Title))}/{report.Results.Count}", report.Results.All(r => markdown.Contains(r.Scenario.Title))),
            ("**Scenarios in the HTML report**", $"{CountOf(html, "<details class=\"scenario ")}/{report.Results.Count}", CountOf(html, "<details class=\"scenario ") == report.Results.Count),
        };
        context.AttachTable("Report consistency", ["Check", "Result", "Status"],
            checks.Select(c => (IReadOnlyList<string>)[c.Check, c.Result, c.Pass ? "✅ PASS" : "❌ FAIL"]).ToList());
        checks.Where(c => !c.Pass).Select(c => c.Check).Should().BeEmpty();
    }

    static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    static List<string> Lines(string text) => text.ReplaceLineEndings("\n").Split('\n').ToList();
}
