using System.Reflection;
using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Bindings;

/// <summary>Every step definition and hook found in a set of classes, and step matching.</summary>
public sealed class BindingRegistry
{
    const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    BindingRegistry(IReadOnlyList<StepBinding> steps, IReadOnlyList<HookBinding> hooks)
    {
        Steps = steps;
        Hooks = hooks;
    }

    /// <summary>The step definitions.</summary>
    public IReadOnlyList<StepBinding> Steps { get; }

    /// <summary>The hooks, by kind then order then method name.</summary>
    public IReadOnlyList<HookBinding> Hooks { get; }

    /// <summary>Scans the public classes marked [Binding] in the assemblies.</summary>
    /// <param name="assemblies">Assemblies to scan (usually the test host's).</param>
    /// <exception cref="FormatException">A step expression does not compile or a hook is misdeclared.</exception>
    public static BindingRegistry FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return FromTypes(assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && t.GetCustomAttribute<BindingAttribute>() is not null)
            .ToArray());
    }

    /// <summary>Uses exactly these classes, marked [Binding] or not (for tests and embedded runs).</summary>
    /// <param name="types">Classes holding step definitions and hooks.</param>
    /// <exception cref="FormatException">A step expression does not compile or a hook is misdeclared.</exception>
    public static BindingRegistry FromTypes(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var steps = new List<StepBinding>();
        var hooks = new List<HookBinding>();
        foreach (var method in types.OrderBy(t => t.FullName, StringComparer.Ordinal).SelectMany(t => t.GetMethods(Declared)))
        {
            steps.AddRange(method.GetCustomAttributes<StepDefinitionAttribute>().Select(a => new StepBinding(method, a.Kind, a.Expression)));
            foreach (var hook in method.GetCustomAttributes<HookAttribute>())
            {
                var mustBeStatic = hook.Kind is HookKind.BeforeTestRun or HookKind.AfterTestRun or HookKind.BeforeFeature or HookKind.AfterFeature;
                if (mustBeStatic && !method.IsStatic)
                {
                    throw new FormatException($"{method.DeclaringType?.Name}.{method.Name}: a [{hook.Kind}] hook runs outside any scenario and must be static.");
                }

                hooks.Add(new HookBinding(hook.Kind, method, hook.Tags, hook.Order));
            }
        }

        return new BindingRegistry(steps, hooks
            .OrderBy(h => h.Kind).ThenBy(h => h.Order).ThenBy(h => h.Location, StringComparer.Ordinal).ToList());
    }

    /// <summary>Finds the bindings whose kind and expression match the step.</summary>
    /// <param name="step">The step to bind.</param>
    public StepMatch Match(StepInfo step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var candidates = new List<(StepBinding, IReadOnlyList<string>)>(1);
        foreach (var binding in Steps)
        {
            if (binding.Match(step) is { } captures)
            {
                candidates.Add((binding, captures));
            }
        }

        return new StepMatch(candidates);
    }

    /// <summary>The hooks of one kind that apply to the tags, in run order.</summary>
    /// <param name="kind">When the hooks run.</param>
    /// <param name="tags">Tag names without '@'.</param>
    public IEnumerable<HookBinding> HooksFor(HookKind kind, IEnumerable<string> tags)
    {
        var names = tags.ToList();
        return Hooks.Where(h => h.Kind == kind && h.AppliesTo(names));
    }
}
