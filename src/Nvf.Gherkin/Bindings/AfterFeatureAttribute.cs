namespace Nvf.Gherkin.Bindings;

/// <summary>Runs a static method after the last scenario of each (matching) feature, even when scenarios failed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterFeatureAttribute : HookAttribute
{
    /// <summary>Declares the hook.</summary>
    /// <param name="tags">Tags (with or without '@') of which one must be present; none for every scenario.</param>
    public AfterFeatureAttribute(params string[] tags)
        : base(HookKind.AfterFeature, tags)
    {
    }
}
