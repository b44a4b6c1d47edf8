namespace Nvf.Gherkin.Running;

/// <summary>When a hook runs.</summary>
public enum HookKind
{
    /// <summary>Once before the first scenario of the run (static method).</summary>
    BeforeTestRun,

    /// <summary>Once after the last scenario of the run, always (static method).</summary>
    AfterTestRun,

    /// <summary>Before the first scenario of each feature (static method).</summary>
    BeforeFeature,

    /// <summary>After the last scenario of each feature, always (static method).</summary>
    AfterFeature,

    /// <summary>Before each scenario.</summary>
    BeforeScenario,

    /// <summary>After each scenario, always, even when it failed or was skipped.</summary>
    AfterScenario,

    /// <summary>Before each step that runs.</summary>
    BeforeStep,

    /// <summary>After each step that ran, even when it failed.</summary>
    AfterStep,
}
