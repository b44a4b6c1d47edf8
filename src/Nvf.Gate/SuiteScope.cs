using Nvf.Core.Artifacts;
using Nvf.Core.Baselines;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;

namespace Nvf.Gate;

/// <summary>
/// What a run covered, for the regression check and the run record: a run is full when every scenario of its suite
/// (the features folder it loaded) ran, scenarios tagged @run-last that are still to come excepted; a tag expression
/// (`nvf gate --tags`) or a test filter (`dotnet test --filter`) leaves some out, so the run is filtered.
/// </summary>
public static class SuiteScope
{
    /// <summary>The features folder of a run given <paramref name="inputs"/>: the one it names (`nvf gate` with a --config that names another), else features/ beside the steps assembly (where `dotnet test` loads them).</summary>
    /// <param name="inputs">The run's inputs.</param>
    public static string FeaturesFolderOf(GateInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.FeaturesFolder is { } named
            ? Path.GetFullPath(named)
            : Path.Combine(Path.GetDirectoryName(typeof(SuiteScope).Assembly.Location)!, "features");
    }

    /// <summary>The scope of a run whose scenarios so far are <paramref name="results"/>, out of the suite in <paramref name="featuresFolder"/>.</summary>
    /// <param name="results">The scenarios that ran, in run order.</param>
    /// <param name="featuresFolder">The suite's features folder.</param>
    public static RunScope Of(IReadOnlyList<ScenarioResult> results, string featuresFolder)
    {
        ArgumentNullException.ThrowIfNull(results);
        var catalog = FeatureCatalog.Load(featuresFolder);
        var ran = results.Select(r => (r.Scenario.Feature.Uri, r.Scenario.Title)).ToHashSet();
        var full = catalog.Features.SelectMany(f => f.Scenarios)
            .Where(s => !s.HasTag(ScenarioOrder.RunLastTag))
            .All(s => ran.Contains((s.Feature.Uri, s.Title)));
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            statuses[result.Scenario.DisplayName] = StatusText.Name(result.Status);
        }

        return new RunScope(full, statuses);
    }
}
