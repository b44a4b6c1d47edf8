using System.Reflection;
using Nvf.Gherkin.Model;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>
/// xunit's assembly runner plus the Gherkin run: before-test-run hooks after the assembly starts, then after the
/// last test the after-feature and after-test-run hooks and the reports. A failing after-hook fails the run
/// (as an assembly cleanup failure), since no test is left to carry it.
/// </summary>
public sealed class GherkinTestAssemblyRunner : XunitTestAssemblyRunner
{
    GherkinRunHost? host;

    /// <summary>Called by <see cref="GherkinTestFrameworkExecutor"/>.</summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <param name="testCases">The tests to run (scenarios and ordinary tests).</param>
    /// <param name="diagnosticMessageSink">xunit's diagnostic sink.</param>
    /// <param name="executionMessageSink">xunit's execution sink.</param>
    /// <param name="executionOptions">xunit's execution options.</param>
    public GherkinTestAssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
    }

    /// <inheritdoc/>
    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync();
        TestCaseOrderer = new ScenarioTestCaseOrderer(TestCaseOrderer);
        if (!TestCases.OfType<ScenarioTestCase>().Any())
        {
            return;
        }

        var assembly = ((IReflectionAssemblyInfo)TestAssembly.Assembly).Assembly;
        var features = assembly.GetCustomAttribute<GherkinFeaturesAttribute>();
        if (features is null)
        {
            return;
        }

        try
        {
            GherkinRunHost.StartupError = null;
            host = await GherkinRunHost.StartAsync(assembly, features);
            // The run knows what it will run (a test filter selects a part), so run-scoped caches can release what nothing left needs.
            host.Run.Plan(TestCases.OfType<ScenarioTestCase>().Select(t => t.Scenario).OfType<ScenarioInfo>());
        }
        catch (Exception e)
        {
            GherkinRunHost.StartupError = $"the Gherkin run could not start: {e.Message}";
        }
    }

    /// <inheritdoc/>
    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        if (host is not null)
        {
            var (report, files) = await host.FinishAsync();
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"Gherkin reports: {string.Join(", ", files)}"));
            foreach (var failed in report.RunHooks.Where(h => h.Status == Running.StepStatus.Failed && h.Kind is Running.HookKind.AfterFeature or Running.HookKind.AfterTestRun))
            {
                Aggregator.Add(new InvalidOperationException($"[{failed.Kind}] {failed.Location} failed: {failed.Error}"));
            }
        }

        await base.BeforeTestAssemblyFinishedAsync();
    }
}
