using System.Reflection;
using Nvf.Gherkin.Engine;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Xunit;

/// <summary>The run of the test assembly being executed: its features, bindings and results.</summary>
internal sealed class GherkinRunHost
{
    GherkinRunHost(FeatureCatalog catalog, GherkinRun run)
    {
        Catalog = catalog;
        Run = run;
    }

    // One test assembly runs per test host process, so one active run is enough.
    public static GherkinRunHost? Current { get; private set; }

    // Why the run could not start (features folder missing, a binding that does not compile); every scenario fails with it.
    public static string? StartupError { get; set; }

    public FeatureCatalog Catalog { get; }

    public GherkinRun Run { get; }

    public static async Task<GherkinRunHost> StartAsync(Assembly host, GherkinFeaturesAttribute features)
    {
        var folder = Path.GetDirectoryName(host.Location) ?? Directory.GetCurrentDirectory();
        var catalog = FeatureCatalog.Load(Path.Combine(folder, features.Path));
        var options = RunOptions.FromEnvironment(features.ReportName ?? host.GetName().Name ?? "acceptance", folder);
        var bindings = features.BindingAssembly is { } name ? Assembly.Load(name) : host;
        var run = new GherkinRun(BindingSource.FromAssembly(bindings, features.BindingNamespace), options);
        await run.StartAsync();
        Current = new GherkinRunHost(catalog, run);
        return Current;
    }

    public async Task<(RunReport Report, IReadOnlyList<string> Files)> FinishAsync()
    {
        try
        {
            return await Run.FinishAsync(Catalog.RefusedFiles);
        }
        finally
        {
            Current = null;
        }
    }
}
