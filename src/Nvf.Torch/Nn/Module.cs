namespace Nvf.Torch.Nn;

/// <summary>
/// A model part with named parameters and sub-modules (torch.nn.Module). Parameter names are
/// PyTorch's dotted names ("0.weight", "attn.c_proj.bias"), so state dicts load on both sides.
/// Parameters belong to the module (never to a <see cref="DisposeScope"/>); dispose the module.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<KeyValuePair<string, Tensor>> parameters = [];
    private readonly List<KeyValuePair<string, Module>> children = [];
    private bool disposed;

    /// <summary>True in training mode (dropout active), false after <see cref="Eval"/>. New modules train.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Every parameter of this module and its descendants, with dotted names, in registration order.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters()
    {
        foreach (var p in parameters)
        {
            yield return p;
        }

        foreach (var child in children)
        {
            foreach (var p in child.Value.NamedParameters())
            {
                yield return new(child.Key + "." + p.Key, p.Value);
            }
        }
    }

    /// <summary>Every parameter tensor (to give to an optimizer). Do not dispose them: the module owns them.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Value);

    /// <summary>Total number of scalar parameters.</summary>
    public long ParameterCount => Parameters().Sum(p => p.Count);

    /// <summary>Sets training mode on this module and all descendants; returns this.</summary>
    public Module Train(bool training = true)
    {
        IsTraining = training;
        foreach (var child in children)
        {
            child.Value.Train(training);
        }

        return this;
    }

    /// <summary>Sets evaluation mode (dropout off) on this module and all descendants; returns this.</summary>
    public Module Eval() => Train(false);

    /// <summary>Name → parameter, the live tensors (not copies) in PyTorch's naming; save with <see cref="StateDictFile"/>.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict() => NamedParameters().ToDictionary(p => p.Key, p => p.Value);

    /// <summary>
    /// Copies values into the parameters by name. Every parameter must be present with the same
    /// shape, and no unknown name may appear, as PyTorch's load_state_dict(strict=True).
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = StateDict();
        var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
        var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new ArgumentException(
                $"state dict does not match {GetType().Name}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]",
                nameof(state));
        }

        foreach (var (name, parameter) in own)
        {
            var source = state[name];
            if (!source.Shape.SequenceEqual(parameter.Shape))
            {
                throw new ArgumentException(
                    $"state dict entry '{name}' has shape ({string.Join(", ", source.Shape)}) but the parameter has ({string.Join(", ", parameter.Shape)})",
                    nameof(state));
            }

            parameter.CopyFrom(source);
        }
    }

    /// <summary>Writes the parameters to <paramref name="path"/> in a file Python's torch.load reads (atomically).</summary>
    public void Save(string path) => StateDictFile.Save(path, StateDict());

    /// <summary>Loads parameters written by <see cref="Save"/> or by Python's torch.save(model.state_dict()).</summary>
    public void Load(string path)
    {
        var state = StateDictFile.Load(path);
        try
        {
            LoadStateDict(state);
        }
        finally
        {
            foreach (var tensor in state.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>Frees every parameter of this module and its descendants.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var p in parameters)
        {
            p.Value.Dispose();
        }

        foreach (var child in children)
        {
            child.Value.Dispose();
        }

        DisposeOwned();
        GC.SuppressFinalize(this);
    }

    /// <summary>Registers <paramref name="tensor"/> as a trainable parameter named <paramref name="name"/>; returns it.</summary>
    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tensor);
        if (name.Contains('.') || parameters.Any(p => p.Key == name) || children.Any(c => c.Key == name))
        {
            throw new ArgumentException($"parameter name '{name}' is already used or contains a dot", nameof(name));
        }

        tensor.DetachFromDisposeScope();
        tensor.RequiresGrad = true;
        parameters.Add(new(name, tensor));
        return tensor;
    }

    /// <summary>Registers a sub-module whose parameters appear under "<paramref name="name"/>."; returns it.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(module);
        if (name.Contains('.') || parameters.Any(p => p.Key == name) || children.Any(c => c.Key == name))
        {
            throw new ArgumentException($"module name '{name}' is already used or contains a dot", nameof(name));
        }

        children.Add(new(name, module));
        return module;
    }

    /// <summary>Frees tensors the module owns besides parameters (e.g. a cached mask). Default: none.</summary>
    protected virtual void DisposeOwned()
    {
    }
}
