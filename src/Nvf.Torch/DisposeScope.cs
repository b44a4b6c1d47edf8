namespace Nvf.Torch;

/// <summary>
/// Disposes, at its end, every tensor created on this thread while it was the innermost scope
/// (wrap each training or evaluation step in one). Scopes nest; a result is kept by
/// <see cref="MoveOut"/> (to the enclosing scope) or <see cref="Tensor.DetachFromDisposeScope"/>.
/// Scopes are per thread: create and dispose one on the same thread, without await inside.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? current;

    private readonly HashSet<Tensor> owned = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    /// <summary>Opens a scope nested in the current one, if any.</summary>
    public DisposeScope()
    {
        Parent = current;
        current = this;
    }

    /// <summary>The innermost open scope of this thread, or null.</summary>
    public static DisposeScope? Current => current;

    /// <summary>The enclosing scope, or null.</summary>
    public DisposeScope? Parent { get; }

    /// <summary>Number of tensors this scope will dispose.</summary>
    public int OwnedCount => owned.Count;

    /// <summary>Moves <paramref name="tensor"/> to the enclosing scope (or to none) and returns it.</summary>
    public Tensor MoveOut(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!ReferenceEquals(tensor.Scope, this))
        {
            throw new InvalidOperationException("MoveOut: the tensor does not belong to this scope (it was created outside it or already moved).");
        }

        return tensor.MoveToOuterScope();
    }

    /// <summary>Disposes every owned tensor and closes the scope; scopes must close innermost first.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        if (!ReferenceEquals(current, this))
        {
            throw new InvalidOperationException("DisposeScope closed out of order or on another thread: close the innermost scope first.");
        }

        disposed = true;
        current = Parent;
        foreach (var tensor in owned.ToArray())
        {
            tensor.Scope = null;
            tensor.Dispose();
        }

        owned.Clear();
    }

    internal void Adopt(Tensor tensor)
    {
        owned.Add(tensor);
        tensor.Scope = this;
    }

    internal void Forget(Tensor tensor) => owned.Remove(tensor);
}
