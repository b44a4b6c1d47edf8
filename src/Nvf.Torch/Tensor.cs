using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>
/// A libtorch tensor (CPU; float32, int64 or bool) owned by this object. Dispose it, or create it
/// inside a <see cref="DisposeScope"/> that disposes it; finalizers are deliberately not used, so a
/// forgotten tensor shows up in <see cref="LiveCount"/>. Operations are in the partial files
/// Tensor.*.cs and return new tensors; all of them run in libtorch (one native call each).
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private static long liveCount;
    private nint handle;

    internal Tensor(nint handle)
    {
        this.handle = handle;
        Interlocked.Increment(ref liveCount);
        DisposeScope.Current?.Adopt(this);
    }

    /// <summary>Number of tensors created and not yet disposed, in the whole process.</summary>
    public static long LiveCount => Interlocked.Read(ref liveCount);

    /// <summary>The scope that will dispose this tensor, or null.</summary>
    internal DisposeScope? Scope { get; set; }

    /// <summary>True once disposed; any further use throws <see cref="ObjectDisposedException"/>.</summary>
    public bool IsDisposed => handle == 0;

    /// <summary>The native handle; throws when the tensor was disposed.</summary>
    internal nint Handle => handle != 0
        ? handle
        : throw new ObjectDisposedException(nameof(Tensor), "This tensor was disposed (by Dispose or by the end of its DisposeScope) and cannot be used again.");

    /// <summary>Sizes of each dimension, outermost first; empty for a scalar.</summary>
    public unsafe long[] Shape
    {
        get
        {
            var rank = NativeResult.Check(NativeMethods.nvft_ndim(Handle));
            var shape = new long[rank];
            fixed (long* p = shape)
            {
                NativeResult.Check(NativeMethods.nvft_shape(Handle, p, rank));
            }

            return shape;
        }
    }

    /// <summary>Number of dimensions.</summary>
    public int Rank => NativeResult.Check(NativeMethods.nvft_ndim(Handle));

    /// <summary>Total number of elements.</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Element type.</summary>
    public DType DType => (DType)NativeResult.Check(NativeMethods.nvft_dtype(Handle));

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long Size(int dim)
    {
        var shape = Shape;
        var index = dim < 0 ? dim + shape.Length : dim;
        if (index < 0 || index >= shape.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), $"dimension {dim} is out of range for a tensor of rank {shape.Length}");
        }

        return shape[index];
    }

    /// <summary>Frees the native tensor now. Idempotent.</summary>
    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, 0);
        if (h == 0)
        {
            return;
        }

        NativeMethods.nvft_tensor_free(h);
        Interlocked.Decrement(ref liveCount);
        Scope?.Forget(this);
        Scope = null;
    }

    /// <summary>Removes this tensor from its dispose scope so that it outlives it; returns this.</summary>
    public Tensor DetachFromDisposeScope()
    {
        Scope?.Forget(this);
        Scope = null;
        return this;
    }

    /// <summary>Moves this tensor to the scope enclosing its current one (or to none); returns this.</summary>
    public Tensor MoveToOuterScope()
    {
        var outer = Scope?.Parent;
        DetachFromDisposeScope();
        outer?.Adopt(this);
        return this;
    }

    /// <summary>Shape and dtype, e.g. <c>Tensor(256, 128) Float32</c>.</summary>
    public override string ToString() =>
        IsDisposed ? "Tensor(disposed)" : $"Tensor({string.Join(", ", Shape)}) {DType}";
}
