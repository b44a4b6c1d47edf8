using Reqnroll;
using Nvf.Gherkin.Engine;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;

namespace Nvf.Specs.Steps.Gate;

/// <summary>Snapshot approval of the Markdown summary: a sample suite runs, its summary is scrubbed and compared with the approved file.</summary>
[Binding]
public sealed class SnapshotSteps(GateScenario gate)
{
    [Given("a sample suite")]
    public void GivenASampleSuite(string feature) =>
        gate.SampleSuite = FeatureParser.Parse(feature, "sample.feature");

    [When("the sample suite runs")]
    public async Task WhenTheSampleSuiteRuns() =>
        gate.SampleReport = await new GherkinRun(BindingSource.FromTypes(typeof(SampleSuiteSteps)), new RunOptions())
            .RunAllAsync([gate.SampleSuite ?? throw new InvalidOperationException("No sample suite; expected 'Given a sample suite' first.")]);

    [Then("its Markdown summary matches the approved snapshot {string}")]
    public async Task ThenItsSummaryMatches(string file)
    {
        var report = gate.SampleReport ?? throw new InvalidOperationException("The sample suite has not run; expected 'When the sample suite runs' first.");
        const string suffix = ".verified.md";
        if (!file.EndsWith(suffix, StringComparison.Ordinal))
        {
            throw new FormatException($"'{file}' is not an approved snapshot's name; expected '<name>{suffix}'.");
        }

        await VerifiedSnapshot.MatchesAsync(Path.Combine(GateScenario.RepositoryRoot, "features", "gate", "snapshots"), file[..^suffix.Length], MarkdownSummaryWriter.Write(report, "sample"), "md");
    }
}
