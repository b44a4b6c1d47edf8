namespace Nvf.Gherkin.Bindings;

/// <summary>Runs a static method once before the first scenario of the run.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeTestRunAttribute : HookAttribute
{
    /// <summary>Declares the hook.</summary>
    /// <param name="tags">Tags (with or without '@') of which one must be present; none for every scenario.</param>
    public BeforeTestRunAttribute(params string[] tags)
        : base(HookKind.BeforeTestRun, tags)
    {
    }
}
