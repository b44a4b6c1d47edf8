using System.Reflection;

namespace Nvf.Gherkin.Engine;

/// <summary>
/// Where Reqnroll finds the step definitions, hooks and step argument transformations of a run: every
/// <c>[Binding]</c> class of an assembly, or exactly some classes of one (an embedded run such as the gate's
/// own sample suite, or a test of the runner).
/// </summary>
public sealed class BindingSource
{
    BindingSource(Assembly assembly, IReadOnlySet<Type>? types)
    {
        Assembly = assembly;
        Types = types;
    }

    /// <summary>The assembly Reqnroll treats as the test assembly (its bindings, its runtime plugins).</summary>
    public Assembly Assembly { get; }

    /// <summary>The classes to bind, or null for every class of <see cref="Assembly"/>.</summary>
    public IReadOnlySet<Type>? Types { get; }

    /// <summary>Every binding class of the assembly, or those of one namespace (and the namespaces below it).</summary>
    /// <param name="assembly">The assembly holding the step classes.</param>
    /// <param name="bindingNamespace">The namespace to bind, or null for the whole assembly.</param>
    public static BindingSource FromAssembly(Assembly assembly, string? bindingNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return bindingNamespace is null
            ? new BindingSource(assembly, null)
            : new BindingSource(assembly, assembly.GetTypes()
                .Where(t => t.Namespace is { } ns && (ns == bindingNamespace || ns.StartsWith(bindingNamespace + ".", StringComparison.Ordinal)))
                .ToHashSet());
    }

    /// <summary>Exactly these classes (marked <c>[Binding]</c>), all from one assembly.</summary>
    /// <param name="types">The step and hook classes.</param>
    /// <exception cref="ArgumentException">No class is given, or they come from more than one assembly.</exception>
    public static BindingSource FromTypes(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var assemblies = types.Select(t => t.Assembly).Distinct().ToList();
        if (assemblies.Count != 1)
        {
            throw new ArgumentException($"The binding classes must come from exactly one assembly; got {assemblies.Count} ({string.Join(", ", assemblies.Select(a => a.GetName().Name))}).", nameof(types));
        }

        return new BindingSource(assemblies[0], types.ToHashSet());
    }
}
