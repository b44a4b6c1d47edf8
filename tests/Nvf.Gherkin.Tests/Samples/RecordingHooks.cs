using Reqnroll;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>Hooks of every kind that record their calls, for checking order, tag filters and always-run after-hooks.</summary>
[Binding]
public sealed class RecordingHooks(Model.ScenarioInfo scenario)
{
    [BeforeTestRun]
    public static void BeforeRun() => HookLog.Add("before run");

    [AfterTestRun]
    public static void AfterRun() => HookLog.Add("after run");

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext feature) => HookLog.Add($"before feature {feature.FeatureInfo.Title}");

    [AfterFeature]
    public static void AfterFeature(FeatureContext feature) => HookLog.Add($"after feature {feature.FeatureInfo.Title}");

    [BeforeScenario(Order = 2)]
    public void BeforeScenarioSecond() => HookLog.Add($"before scenario {scenario.Name} (order 2)");

    [BeforeScenario(Order = 1)]
    public void BeforeScenarioFirst() => HookLog.Add($"before scenario {scenario.Name} (order 1)");

    [BeforeScenario("slow")]
    public void BeforeSlow() => HookLog.Add($"before @slow scenario {scenario.Name}");

    [AfterScenario]
    public void AfterScenario() => HookLog.Add($"after scenario {scenario.Name}");

    [BeforeStep]
    public static void BeforeStep() => HookLog.Add("before step");

    [AfterStep]
    public static void AfterStep() => HookLog.Add("after step");
}
