using System.Reflection;

namespace Nvf.Gherkin.Bindings;

/// <summary>One hook method with its kind, tag filter and order.</summary>
/// <param name="Kind">When it runs.</param>
/// <param name="Method">The method (static for run and feature hooks).</param>
/// <param name="Tags">Tags of which one must be present; empty for all.</param>
/// <param name="Order">Lower runs first.</param>
public sealed record HookBinding(HookKind Kind, MethodInfo Method, IReadOnlyList<string> Tags, int Order)
{
    /// <summary>"Type.Method", as reports show a hook.</summary>
    public string Location => $"{Method.DeclaringType?.Name}.{Method.Name}";

    /// <summary>True when the hook applies to something carrying these tags.</summary>
    /// <param name="tags">Tag names without '@'.</param>
    public bool AppliesTo(IEnumerable<string> tags) => Tags.Count == 0 || tags.Any(Tags.Contains);
}
