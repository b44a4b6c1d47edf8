using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>Reshaping, views and indexing. Dimensions may be negative (counted from the end).</summary>
public sealed partial class Tensor
{
    /// <summary>Same data with a new shape (one dimension may be -1); a view when possible.</summary>
    public unsafe Tensor Reshape(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(NativeMethods.nvft_reshape(Handle, s, shape.Length));
        }
    }

    /// <summary>Broadcasts size-1 dimensions to <paramref name="shape"/> without copying (-1 keeps a size).</summary>
    public unsafe Tensor Expand(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(NativeMethods.nvft_expand(Handle, s, shape.Length));
        }
    }

    /// <summary>Reorders dimensions: result dimension i is input dimension <paramref name="dims"/>[i].</summary>
    public unsafe Tensor Permute(params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        fixed (long* d = dims)
        {
            return NativeResult.Tensor(NativeMethods.nvft_permute(Handle, d, dims.Length));
        }
    }

    /// <summary>Inserts a size-1 dimension at <paramref name="dim"/>.</summary>
    public Tensor Unsqueeze(long dim) => NativeResult.Tensor(NativeMethods.nvft_unsqueeze(Handle, dim));

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1.</summary>
    public Tensor Squeeze(long dim) => NativeResult.Tensor(NativeMethods.nvft_squeeze(Handle, dim));

    /// <summary>Swaps two dimensions (a view).</summary>
    public Tensor Transpose(long dim0, long dim1) => NativeResult.Tensor(NativeMethods.nvft_transpose(Handle, dim0, dim1));

    /// <summary>Transpose of a matrix: (N, M) → (M, N) view.</summary>
    public Tensor T() => Transpose(0, 1);

    /// <summary>Elements <paramref name="start"/> .. start+length-1 along <paramref name="dim"/> (a view).</summary>
    public Tensor Narrow(long dim, long start, long length) => NativeResult.Tensor(NativeMethods.nvft_narrow(Handle, dim, start, length));

    /// <summary>Rows (or slices along <paramref name="dim"/>) picked by a 1-D int64 <paramref name="index"/>.</summary>
    public Tensor IndexSelect(long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return NativeResult.Tensor(NativeMethods.nvft_index_select(Handle, dim, index.Handle));
    }

    /// <summary>torch.gather: out[i][j] = x[i][index[i][j]] for dim 1; <paramref name="index"/> is int64 of the output's shape.</summary>
    public Tensor Gather(long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return NativeResult.Tensor(NativeMethods.nvft_gather(Handle, dim, index.Handle));
    }

    /// <summary>A copy with <paramref name="value"/> where the bool <paramref name="mask"/> (broadcast) is true.</summary>
    public Tensor MaskedFill(Tensor mask, double value)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return NativeResult.Tensor(NativeMethods.nvft_masked_fill(Handle, mask.Handle, value));
    }
}
