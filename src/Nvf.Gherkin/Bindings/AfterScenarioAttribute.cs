namespace Nvf.Gherkin.Bindings;

/// <summary>Runs after each (matching) scenario, even when it failed or was skipped.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterScenarioAttribute : HookAttribute
{
    /// <summary>Declares the hook.</summary>
    /// <param name="tags">Tags (with or without '@') of which one must be present; none for every scenario.</param>
    public AfterScenarioAttribute(params string[] tags)
        : base(HookKind.AfterScenario, tags)
    {
    }
}
