namespace Nvf.Gherkin.Bindings;

/// <summary>Runs before each step of a (matching) scenario that is about to run.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeStepAttribute : HookAttribute
{
    /// <summary>Declares the hook.</summary>
    /// <param name="tags">Tags (with or without '@') of which one must be present; none for every scenario.</param>
    public BeforeStepAttribute(params string[] tags)
        : base(HookKind.BeforeStep, tags)
    {
    }
}
