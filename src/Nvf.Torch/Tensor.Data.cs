using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>Creating tensors from managed data and copying them back.</summary>
public sealed partial class Tensor
{
    /// <summary>Copies row-major float32 <paramref name="data"/> into a new tensor of <paramref name="shape"/>.</summary>
    public static Tensor From(float[] data, params long[] shape) => From<float>(data, shape);

    /// <summary>Copies row-major int64 <paramref name="data"/> (e.g. class indices) into a new tensor of <paramref name="shape"/>.</summary>
    public static Tensor From(long[] data, params long[] shape) => From<long>(data, shape);

    /// <summary>Copies row-major bool <paramref name="data"/> (a mask) into a new tensor of <paramref name="shape"/>.</summary>
    public static Tensor From(bool[] data, params long[] shape) => From<bool>(data, shape);

    /// <summary>
    /// Copies <paramref name="data"/> (float, long or bool, row-major) into a new tensor of <paramref name="shape"/>;
    /// with no shape given the tensor is one-dimensional.
    /// </summary>
    public static unsafe Tensor From<T>(ReadOnlySpan<T> data, params long[] shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(shape);
        var dims = shape.Length == 0 ? [data.Length] : shape;
        var count = dims.Aggregate(1L, (a, b) => a * b);
        if (dims.Any(d => d < 0) || count != data.Length)
        {
            throw new ArgumentException($"shape ({string.Join(", ", dims)}) holds {count} elements but {data.Length} were given", nameof(shape));
        }

        fixed (T* p = data)
        fixed (long* s = dims)
        {
            return NativeResult.Tensor(NativeMethods.nvft_from_data(p, (int)DTypeOf<T>(), s, dims.Length));
        }
    }

    /// <summary>Copies the elements (row-major) into a new array; <typeparamref name="T"/> must match <see cref="DType"/>.</summary>
    public T[] ToArray<T>()
        where T : unmanaged
    {
        var result = new T[Count];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>Copies the elements (row-major) into <paramref name="destination"/>, whose length must equal <see cref="Count"/>.</summary>
    public unsafe void CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        fixed (T* p = destination)
        {
            NativeResult.Check(NativeMethods.nvft_to_data(Handle, (int)DTypeOf<T>(), p, destination.Length));
        }
    }

    /// <summary>The value of a one-element float32 (or bool) tensor, e.g. a loss.</summary>
    public unsafe float ToSingle()
    {
        double d;
        long l;
        NativeResult.Check(NativeMethods.nvft_item(Handle, &d, &l));
        return (float)d;
    }

    /// <summary>The value of a one-element int64 tensor, e.g. an argmax.</summary>
    public unsafe long ToInt64()
    {
        double d;
        long l;
        NativeResult.Check(NativeMethods.nvft_item(Handle, &d, &l));
        return l;
    }

    /// <summary>Converts to <paramref name="dtype"/> (a copy, or this tensor's data when the dtype already matches).</summary>
    public Tensor To(DType dtype) => NativeResult.Tensor(NativeMethods.nvft_to_dtype(Handle, (int)dtype));

    /// <summary>Copies <paramref name="source"/>'s values into this tensor in place, outside autograd (same shape).</summary>
    public void CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        NativeResult.Check(NativeMethods.nvft_copy_(Handle, source.Handle));
    }

    /// <summary>Sets every element to <paramref name="value"/> in place, outside autograd.</summary>
    public void Fill(double value) => NativeResult.Check(NativeMethods.nvft_fill_(Handle, value));

    /// <summary>Fills in place with U(<paramref name="low"/>, <paramref name="high"/>) draws, outside autograd (as torch's uniform_).</summary>
    public void Uniform(double low, double high, Generator? generator = null) =>
        NativeResult.Check(NativeMethods.nvft_uniform_(Handle, low, high, generator?.Handle ?? 0));

    /// <summary>Fills in place with N(<paramref name="mean"/>, <paramref name="std"/>²) draws, outside autograd (as torch's normal_).</summary>
    public void Normal(double mean, double std, Generator? generator = null) =>
        NativeResult.Check(NativeMethods.nvft_normal_(Handle, mean, std, generator?.Handle ?? 0));

    internal static DType DTypeOf<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return DType.Float32;
        }

        if (typeof(T) == typeof(long))
        {
            return DType.Int64;
        }

        if (typeof(T) == typeof(bool))
        {
            return DType.Bool;
        }

        throw new NotSupportedException($"element type {typeof(T).Name} is not supported; use float (Float32), long (Int64) or bool (Bool)");
    }
}
