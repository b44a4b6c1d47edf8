using Nvf.Core.Snapshots;
using Reqnroll;
using Nvf.Gherkin.Engine;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Gate;

/// <summary>Snapshot approval of the Markdown summary: a sample suite runs, its summary is scrubbed and compared with the approved file.</summary>
[Binding]
public sealed class SnapshotSteps(GateScenario gate, ScenarioEvidence context)
{
    [Given("a sample suite")]
    public void GivenASampleSuite(string feature) =>
        gate.SampleSuite = FeatureParser.Parse(feature, "sample.feature");

    [When("the sample suite runs")]
    public async Task WhenTheSampleSuiteRuns() =>
        gate.SampleReport = await new GherkinRun(BindingSource.FromTypes(typeof(SampleSuiteSteps)), new RunOptions())
            .RunAllAsync([gate.SampleSuite ?? throw new InvalidOperationException("No sample suite; expected 'Given a sample suite' first.")]);

    [Then("its Markdown summary matches the approved snapshot {string}")]
    public void ThenItsSummaryMatches(string file)
    {
        var report = gate.SampleReport ?? throw new InvalidOperationException("The sample suite has not run; expected 'When the sample suite runs' first.");
        var verdict = ApprovedSnapshot.Verify(Path.Combine(GateScenario.RepositoryRoot, "features", "gate", "snapshots", file), MarkdownSummaryWriter.Write(report, "sample"));
        if (!verdict.Matched)
        {
            context.AttachText("received summary (scrubbed)", File.ReadAllText(verdict.ReceivedPath));
            throw new InvalidOperationException($"The Markdown summary differs from {verdict.VerifiedPath}: {verdict.Difference}. Review {verdict.ReceivedPath}; if it is right, approve it with: mv {verdict.ReceivedPath} {verdict.VerifiedPath}");
        }
    }
}
