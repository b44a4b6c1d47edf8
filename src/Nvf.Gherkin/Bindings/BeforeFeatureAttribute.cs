namespace Nvf.Gherkin.Bindings;

/// <summary>Runs a static method before the first scenario of each (matching) feature.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeFeatureAttribute : HookAttribute
{
    /// <summary>Declares the hook.</summary>
    /// <param name="tags">Tags (with or without '@') of which one must be present; none for every scenario.</param>
    public BeforeFeatureAttribute(params string[] tags)
        : base(HookKind.BeforeFeature, tags)
    {
    }
}
