using System.Reflection;

namespace Nvf.Gherkin.Running;

/// <summary>
/// Per-scenario object container (Reqnroll's context injection): step classes and the context objects
/// their constructors ask for are created once per scenario and disposed, newest first, when it ends.
/// </summary>
internal sealed class ScenarioContainer : IAsyncDisposable
{
    readonly Dictionary<Type, object> instances = [];
    readonly List<object> created = [];
    readonly HashSet<Type> resolving = [];

    public void Register(Type type, object instance) => instances[type] = instance;

    public object Resolve(Type type)
    {
        if (instances.TryGetValue(type, out var existing))
        {
            return existing;
        }

        if (!resolving.Add(type))
        {
            throw new InvalidOperationException($"{type.Name} depends on itself through its constructor parameters; expected an acyclic set of context classes.");
        }

        try
        {
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                .OrderByDescending(c => c.GetParameters().Length)
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"{type.Name} has no public constructor; expected one whose parameters are context classes.");
            var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
            var instance = constructor.Invoke(arguments);
            instances[type] = instance;
            created.Add(instance);
            return instance;
        }
        finally
        {
            resolving.Remove(type);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var errors = new List<Exception>();
        for (var i = created.Count - 1; i >= 0; i--)
        {
            try
            {
                switch (created[i])
                {
                    case IAsyncDisposable asyncDisposable:
                        await asyncDisposable.DisposeAsync();
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }

        created.Clear();
        instances.Clear();
        if (errors.Count > 0)
        {
            throw new AggregateException("Disposing the scenario's context objects failed.", errors);
        }
    }
}
