using Nvf.Gherkin.Model;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Xunit;

/// <summary>
/// The class xunit shows the scenarios under ("Nvf.Gherkin.Xunit.Scenarios.RunAsync"): every scenario test
/// runs through <see cref="RunAsync"/> in the run the test assembly started.
/// </summary>
public static class Scenarios
{
    /// <summary>Runs a scenario in the active run of this test assembly.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <exception cref="InvalidOperationException">No run is active (the assembly is not running under <see cref="GherkinTestFramework"/>).</exception>
    public static Task<ScenarioResult> RunAsync(ScenarioInfo scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var host = GherkinRunHost.Current
            ?? throw new InvalidOperationException(GherkinRunHost.StartupError
                ?? "No Gherkin run is active; expected the test assembly to carry [assembly: GherkinFeatures(\"features\")].");
        return host.Run.RunScenarioAsync(scenario);
    }
}
