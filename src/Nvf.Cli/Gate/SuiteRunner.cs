using Nvf.Core.Artifacts;
using Nvf.Gherkin.Engine;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Running;
using Nvf.Gate;
using Nvf.Specs.Steps.Gate;

namespace Nvf.Cli.Gate;

/// <summary>
/// Runs the spec suite in-process, the way the xunit adapter does under `dotnet test`: the same features,
/// the same bindings (the steps assembly), the same order (@run-last at the end), one scenario at a time.
/// </summary>
public static class SuiteRunner
{
    /// <summary>The features folder copied beside nvf.dll from the steps project.</summary>
    public static string DefaultFeatures => Path.Combine(AppContext.BaseDirectory, "features");

    /// <summary>The scenarios of <paramref name="catalog"/> that <paramref name="tags"/> selects (all when null), in run order.</summary>
    /// <param name="catalog">The compiled features.</param>
    /// <param name="tags">The tag filter, or null.</param>
    public static IReadOnlyList<ScenarioInfo> Select(FeatureCatalog catalog, TagExpression? tags)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ScenarioOrder.Arrange(catalog.Features.SelectMany(f => f.Scenarios).Where(s => tags is null || tags.Matches(s.Tags.Select(t => t.Name))));
    }

    /// <summary>Runs <paramref name="scenarios"/> with the steps assembly's bindings; reports are left to the caller.</summary>
    /// <param name="scenarios">The scenarios, in run order.</param>
    /// <param name="refusedFiles">Feature files that did not compile (they fail the run).</param>
    /// <param name="inputs">What the run was given (the steps receive it by injection).</param>
    /// <param name="progress">Live events for the display.</param>
    public static async Task<RunReport> RunAsync(IReadOnlyList<ScenarioInfo> scenarios, IReadOnlyDictionary<string, string> refusedFiles, GateInputs inputs, Action<RunProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var run = new GherkinRun(BindingSource.FromAssembly(typeof(GateScenario).Assembly), new RunOptions { Progress = progress, SharedInstances = [inputs] });
        await run.StartAsync();
        run.Plan(scenarios);
        foreach (var scenario in scenarios)
        {
            await run.RunScenarioAsync(scenario);
        }

        return (await run.FinishAsync(refusedFiles)).Report;
    }
}
