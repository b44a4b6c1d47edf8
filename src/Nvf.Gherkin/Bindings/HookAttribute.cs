namespace Nvf.Gherkin.Bindings;

/// <summary>
/// Base of the hook attributes. A hook with tags runs only for scenarios (or features) carrying at least
/// one of them; hooks of one kind run by ascending <see cref="Order"/> (ties by method name), before and after alike.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class HookAttribute : Attribute
{
    private protected HookAttribute(HookKind kind, string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Kind = kind;
        Tags = tags.Select(t => t.TrimStart('@')).ToArray();
    }

    /// <summary>When the hook runs.</summary>
    public HookKind Kind { get; }

    /// <summary>Tags (without '@') of which the scenario must carry one; empty for every scenario.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Lower runs first; 10000 by default (Reqnroll's default), so hooks can be placed before or after.</summary>
    public int Order { get; set; } = 10000;
}
