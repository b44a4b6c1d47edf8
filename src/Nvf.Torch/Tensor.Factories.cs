using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>Tensor factories (torch.zeros, torch.randn, torch.cat, ... in Python).</summary>
public sealed partial class Tensor
{
    /// <summary>A float32 tensor of zeros.</summary>
    public static Tensor Zeros(params long[] shape) => Full(shape, 0.0, DType.Float32);

    /// <summary>A float32 tensor of ones.</summary>
    public static Tensor Ones(params long[] shape) => Full(shape, 1.0, DType.Float32);

    /// <summary>A tensor of <paramref name="shape"/> filled with <paramref name="value"/>.</summary>
    public static unsafe Tensor Full(long[] shape, double value, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(NativeMethods.nvft_full(s, shape.Length, value, (int)dtype));
        }
    }

    /// <summary>start, start+step, ... below end, as a 1-D tensor (int64 by default: indices).</summary>
    public static Tensor Arange(long end, DType dtype = DType.Int64) => Arange(0, end, 1, dtype);

    /// <summary>start, start+step, ... below end, as a 1-D tensor.</summary>
    public static Tensor Arange(double start, double end, double step, DType dtype = DType.Int64) =>
        NativeResult.Tensor(NativeMethods.nvft_arange(start, end, step, (int)dtype));

    /// <summary>The (n, n) identity matrix.</summary>
    public static Tensor Eye(long n, DType dtype = DType.Float32) => NativeResult.Tensor(NativeMethods.nvft_eye(n, (int)dtype));

    /// <summary>Standard normal float32 draws; same values as Python's torch.randn for the same seed and generator.</summary>
    public static unsafe Tensor Randn(long[] shape, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(NativeMethods.nvft_randn(s, shape.Length, generator?.Handle ?? 0));
        }
    }

    /// <summary>Standard normal float32 draws from the global generator.</summary>
    public static Tensor Randn(params long[] shape) => Randn(shape, null);

    /// <summary>U[0, 1) float32 draws.</summary>
    public static unsafe Tensor Rand(long[] shape, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(NativeMethods.nvft_rand(s, shape.Length, generator?.Handle ?? 0));
        }
    }

    /// <summary>Uniform int64 draws in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static unsafe Tensor Randint(long low, long high, long[] shape, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(NativeMethods.nvft_randint(low, high, s, shape.Length, generator?.Handle ?? 0));
        }
    }

    /// <summary>A random permutation of 0..n-1 (int64), e.g. to shuffle a training set each epoch.</summary>
    public static Tensor Randperm(long n, Generator? generator = null) => NativeResult.Tensor(NativeMethods.nvft_randperm(n, generator?.Handle ?? 0));

    /// <summary>Concatenates tensors along an existing dimension.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: false);

    /// <summary>Stacks same-shaped tensors along a new dimension.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: true);

    /// <summary>Element-wise choice: <paramref name="a"/> where the bool <paramref name="condition"/> holds, else <paramref name="b"/>.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return NativeResult.Tensor(NativeMethods.nvft_where(condition.Handle, a.Handle, b.Handle));
    }

    private static unsafe Tensor Join(IReadOnlyList<Tensor> tensors, long dim, bool stack)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var handles = new nint[tensors.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            handles[i] = (tensors[i] ?? throw new ArgumentException($"tensor {i} is null", nameof(tensors))).Handle;
        }

        fixed (nint* h = handles)
        {
            return NativeResult.Tensor(stack
                ? NativeMethods.nvft_stack(h, handles.Length, dim)
                : NativeMethods.nvft_cat(h, handles.Length, dim));
        }
    }
}
