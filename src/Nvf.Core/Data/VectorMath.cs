using System.Numerics;
using System.Runtime.InteropServices;

namespace Nvf.Core.Data;

/// <summary>Dense float32 vector kernels used by the generators and metrics (SIMD where it matters).</summary>
public static class VectorMath
{
    /// <summary>Dot product of two equal-length float32 vectors, accumulated in float32 SIMD lanes.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"vectors of length {a.Length} and {b.Length}; expected equal lengths", nameof(b));
        var sum = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var v = 0; v < va.Length; v++)
                sum += va[v] * vb[v];
            i = va.Length * Vector<float>.Count;
        }
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
            total += a[i] * b[i];
        return total;
    }

    /// <summary>Dot product accumulated in double (for statistics that must not lose digits).</summary>
    public static double DotDouble(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"vectors of length {a.Length} and {b.Length}; expected equal lengths", nameof(b));
        double total = 0;
        for (var i = 0; i < a.Length; i++)
            total += (double)a[i] * b[i];
        return total;
    }

    /// <summary>Euclidean (L2) norm, accumulated in double.</summary>
    public static double Norm(ReadOnlySpan<float> v) => Math.Sqrt(DotDouble(v, v));

    /// <summary>Cosine of the angle between <paramref name="a"/> and <paramref name="b"/>, in double; 0 if either is zero.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var denominator = Norm(a) * Norm(b);
        return denominator == 0 ? 0 : DotDouble(a, b) / denominator;
    }

    /// <summary>Scales <paramref name="v"/> in place to unit L2 norm; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> v)
    {
        var norm = Norm(v);
        if (norm == 0)
            return;
        var scale = (float)(1.0 / norm);
        for (var i = 0; i < v.Length; i++)
            v[i] *= scale;
    }

    /// <summary>A unit-norm copy of every row of <paramref name="vectors"/> (zero rows stay zero).</summary>
    public static VectorSet NormalizedCopy(VectorSet vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var copy = new VectorSet((float[])vectors.Data.Clone(), vectors.Count, vectors.Dimension);
        Parallel.For(0, copy.Count, i => Normalize(copy.Row(i)));
        return copy;
    }
}
