using Nvf.Gherkin.Engine;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Samples;

namespace Nvf.Gherkin.Tests.Support;

/// <summary>Runs Gherkin text in-process with chosen sample bindings, as the runner's specs and unit tests need.</summary>
public static class InnerRun
{
    public static readonly Type[] AllSamples = [typeof(CalculatorSteps), typeof(ProblemSteps), typeof(TableSteps)];

    public static async Task<(RunReport Report, List<string> Log)> RunAsync(string featureText, Type[]? types = null, bool dryRun = false)
    {
        var log = HookLog.Start();
        var feature = FeatureParser.Parse(featureText, "sample.feature");
        var run = new GherkinRun(BindingSource.FromTypes([.. types ?? AllSamples, typeof(SampleParameterTypes)]), new RunOptions { DryRun = dryRun, ReportName = "sample" });
        var report = await run.RunAllAsync([feature]);
        return (report, log);
    }

    public static ScenarioResult Scenario(this RunReport report, string name) =>
        report.Results.Single(r => r.Scenario.Name == name);
}
