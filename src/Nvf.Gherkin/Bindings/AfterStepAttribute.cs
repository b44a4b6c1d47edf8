namespace Nvf.Gherkin.Bindings;

/// <summary>Runs after each step of a (matching) scenario that ran, even when it failed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterStepAttribute : HookAttribute
{
    /// <summary>Declares the hook.</summary>
    /// <param name="tags">Tags (with or without '@') of which one must be present; none for every scenario.</param>
    public AfterStepAttribute(params string[] tags)
        : base(HookKind.AfterStep, tags)
    {
    }
}
