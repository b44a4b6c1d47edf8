namespace Nvf.Gherkin.Bindings;

/// <summary>Runs before each (matching) scenario; a failure or skip here skips the steps but not the after-hooks.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeScenarioAttribute : HookAttribute
{
    /// <summary>Declares the hook.</summary>
    /// <param name="tags">Tags (with or without '@') of which one must be present; none for every scenario.</param>
    public BeforeScenarioAttribute(params string[] tags)
        : base(HookKind.BeforeScenario, tags)
    {
    }
}
