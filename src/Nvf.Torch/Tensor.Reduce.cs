using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>Reductions and selections.</summary>
public sealed partial class Tensor
{
    /// <summary>Sum of all elements (a scalar tensor).</summary>
    public Tensor Sum() => Reduce(ReduceOp.Sum, [], false);

    /// <summary>Sum over <paramref name="dims"/>.</summary>
    public Tensor Sum(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Sum, RequireDims(dims), keepDim);

    /// <summary>Sum over one dimension.</summary>
    public Tensor Sum(long dim, bool keepDim = false) => Reduce(ReduceOp.Sum, [dim], keepDim);

    /// <summary>Mean of all elements (a scalar tensor; float32 only).</summary>
    public Tensor Mean() => Reduce(ReduceOp.Mean, [], false);

    /// <summary>Mean over <paramref name="dims"/>.</summary>
    public Tensor Mean(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Mean, RequireDims(dims), keepDim);

    /// <summary>Mean over one dimension.</summary>
    public Tensor Mean(long dim, bool keepDim = false) => Reduce(ReduceOp.Mean, [dim], keepDim);

    /// <summary>Maximum of all elements.</summary>
    public Tensor Max() => Reduce(ReduceOp.Amax, [], false);

    /// <summary>Maximum over one dimension (values only, as torch.amax; gradient splits evenly between ties).</summary>
    public Tensor Max(long dim, bool keepDim = false) => Reduce(ReduceOp.Amax, [dim], keepDim);

    /// <summary>Minimum of all elements.</summary>
    public Tensor Min() => Reduce(ReduceOp.Amin, [], false);

    /// <summary>Minimum over one dimension (values only, as torch.amin).</summary>
    public Tensor Min(long dim, bool keepDim = false) => Reduce(ReduceOp.Amin, [dim], keepDim);

    /// <summary>Index (int64) of the maximum along <paramref name="dim"/>.</summary>
    public Tensor ArgMax(long dim, bool keepDim = false) => NativeResult.Tensor(NativeMethods.nvft_argmax(Handle, dim, keepDim ? 1 : 0));

    /// <summary>
    /// The <paramref name="k"/> largest (or smallest) values along <paramref name="dim"/>, sorted, and their int64
    /// indices. Dispose both (or use a scope).
    /// </summary>
    public unsafe (Tensor Values, Tensor Indices) TopK(long k, long dim = -1, bool largest = true)
    {
        nint values;
        nint indices;
        NativeResult.Check(NativeMethods.nvft_topk(Handle, k, dim, largest ? 1 : 0, &values, &indices));
        return (new Tensor(values), new Tensor(indices));
    }

    private static long[] RequireDims(long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        return dims.Length > 0 ? dims : throw new ArgumentException("give at least one dimension, or call the overload without dims to reduce all", nameof(dims));
    }

    private unsafe Tensor Reduce(ReduceOp op, long[] dims, bool keepDim)
    {
        fixed (long* d = dims)
        {
            return NativeResult.Tensor(NativeMethods.nvft_reduce(op, Handle, d, dims.Length, keepDim ? 1 : 0));
        }
    }
}
