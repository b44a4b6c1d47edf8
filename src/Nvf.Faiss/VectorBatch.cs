using System.Numerics;

namespace Nvf.Faiss;

/// <summary>
/// Checks a row-major batch of float32 vectors before it reaches native code, where a wrong
/// length would read past the buffer and a NaN would silently poison an index.
/// </summary>
internal static class VectorBatch
{
    /// <summary>
    /// The number of rows in <paramref name="vectors"/> (shape (rows, <paramref name="dimension"/>)),
    /// after checking that it is non-empty, whole rows, of the index's dimension, and finite.
    /// </summary>
    internal static int CountRows(ReadOnlySpan<float> vectors, int dimension, int indexDimension, string paramName)
    {
        if (dimension != indexDimension)
            throw new ArgumentException(
                $"the vectors have dimension {dimension} but the index has dimension {indexDimension}", paramName);
        if (vectors.IsEmpty)
            throw new ArgumentException("expected at least one vector, got an empty span", paramName);
        if (vectors.Length % dimension != 0)
            throw new ArgumentException(
                $"expected whole rows of {dimension} floats, got {vectors.Length} floats ({vectors.Length % dimension} left over)", paramName);
        var bad = IndexOfNonFinite(vectors);
        if (bad >= 0)
            throw new ArgumentException(
                $"row {bad / dimension} (column {bad % dimension}) is {vectors[bad]}; FAISS needs finite values", paramName);
        return vectors.Length / dimension;
    }

    /// <summary>Index of the first NaN or infinity, or -1. SIMD: x - x is 0 exactly when x is finite.</summary>
    internal static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        var width = Vector<float>.Count;
        var i = 0;
        for (; i <= values.Length - width; i += width)
        {
            var v = new Vector<float>(values.Slice(i, width));
            if (!Vector.EqualsAll(v - v, Vector<float>.Zero))
                break;
        }
        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
                return i;
        }
        return -1;
    }
}
