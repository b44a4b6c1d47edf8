namespace Nvf.Gherkin.Bindings;

/// <summary>Runs a static method once after the last scenario of the run, even when scenarios failed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterTestRunAttribute : HookAttribute
{
    /// <summary>Declares the hook.</summary>
    /// <param name="tags">Tags (with or without '@') of which one must be present; none for every scenario.</param>
    public AfterTestRunAttribute(params string[] tags)
        : base(HookKind.AfterTestRun, tags)
    {
    }
}
