using System.Globalization;
using FluentAssertions;
using Nvf.Cli.Gate;
using Nvf.Cli.Tests.Support;
using Nvf.Core.Artifacts;
using Nvf.Core.History;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Running;
using Xunit;
using Xunit.Abstractions;

namespace Nvf.Cli.Tests;

/// <summary>
/// The gate as a library (issue 22, item 3): run-scoped caches make a run's figures independent of the order of its
/// features. Three real features that share those caches (the generated InfoNCE session with its payload, index,
/// controls and trained model; the stores) run in-process as `nvf gate` runs them, first in one order, then in the
/// reverse order, each run with its own caches: every scenario ends the same way both times and every metric but the
/// timings is the same, value for value and interval for interval. (With nvf/researcher_models.feature as a fourth,
/// measured once: 28 figures equal, 4 min 37 s; it is left out to keep CI short.)
/// </summary>
public sealed class FeatureOrderTests(ITestOutputHelper output) : IDisposable
{
    static readonly string[] Features = ["infonce/plumbing.feature", "infonce/predictions.feature", "teacher/store_parity.feature"];

    readonly TempRepository repository = new();

    [Fact]
    public async Task The_same_features_in_two_orders_give_the_same_figures()
    {
        var catalog = FeatureCatalog.Load(SuiteRunner.DefaultFeatures);
        var features = Features.Select(uri => catalog.Features.Single(f => f.Uri == uri)).ToList();

        var forward = await Run(features);
        var backward = await Run(Enumerable.Reverse(features).ToList());

        Outcomes(backward).Should().BeEquivalentTo(Outcomes(forward), "each scenario ends the same way in both orders");
        forward.Results.Where(r => r.Status is not (StepStatus.Passed or StepStatus.Skipped)).Select(r => $"{r.Scenario.Title}: {r.FailureMessage}")
            .Should().BeEmpty("every scenario passes (a Qdrant row without a server is skipped, saying so)");
        var (a, b) = (Figures(forward), Figures(backward));
        a.Should().NotBeEmpty().And.ContainKey("infonce.oracle.r_at_1");
        b.Should().Equal(a);
        foreach (var (name, report) in new[] { ("forward", forward), ("backward", backward) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {a.Count} figures; by feature: {string.Join(", ", report.Features.Select(f => $"{f.Uri} {report.ResultsOf(f).Sum(r => r.Duration.TotalSeconds):F1} s, peak {report.ResultsOf(f).Max(r => r.PeakResidentBytes ?? 0) / 1e9:F2} GB"))}"));
        }
    }

    async Task<RunReport> Run(IReadOnlyList<FeatureInfo> features)
    {
        var scenarios = features.SelectMany(f => f.Scenarios).ToList();
        var inputs = GateInputs.From(name =>
            name == RepositoryLayout.RootVariable ? repository.Root
            : name == GateInputs.OutputVariable ? repository.PathOf("reports")
            : name == GateInputs.FeaturesVariable ? SuiteRunner.DefaultFeatures
            : null);
        return await SuiteRunner.RunAsync(scenarios, new Dictionary<string, string>(), inputs, _ => { });
    }

    static Dictionary<string, StepStatus> Outcomes(RunReport report) =>
        report.Results.ToDictionary(r => $"{r.Scenario.Feature.Uri}:{r.Scenario.Line}", r => r.Status);

    // Every recorded metric but timings: name -> (value, low, high).
    static Dictionary<string, (double Value, double? Low, double? High)> Figures(RunReport report) =>
        report.Metrics.Where(m => m.Metric.Kind != Nvf.Gherkin.Running.MetricKind.Timing).ToDictionary(m => m.Metric.Name, m => (m.Metric.Value, m.Metric.Low, m.Metric.High));

    public void Dispose() => repository.Dispose();
}
