namespace Nvf.Core.Data;

/// <summary>
/// A dense set of float32 vectors, row-major: shape (Count, Dimension), row i at
/// <c>Data[i * Dimension .. (i + 1) * Dimension]</c>. The common currency between generators,
/// NumPy files, indexes and models.
/// </summary>
public sealed class VectorSet : IVectorRows
{
    /// <summary>Wraps <paramref name="data"/> (not copied) as <paramref name="count"/> rows of <paramref name="dimension"/> floats.</summary>
    public VectorSet(float[] data, int count, int dimension)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "expected a count >= 0");
        if (dimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "expected a dimension > 0");
        if ((long)count * dimension != data.LongLength)
            throw new ArgumentException(
                $"data holds {data.LongLength} floats; shape ({count}, {dimension}) needs {(long)count * dimension}", nameof(data));
        Data = data;
        Count = count;
        Dimension = dimension;
    }

    /// <summary>All values, row-major, length Count * Dimension.</summary>
    public float[] Data { get; }

    /// <summary>Number of vectors (rows).</summary>
    public int Count { get; }

    /// <summary>Length of each vector (columns).</summary>
    public int Dimension { get; }

    /// <summary>Row <paramref name="index"/> as a span over <see cref="Data"/> (writes go through).</summary>
    public Span<float> Row(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"expected a row in [0, {Count})");
        return Data.AsSpan(index * Dimension, Dimension);
    }

    /// <inheritdoc/>
    public void CopyRows(int start, int count, Span<float> destination)
    {
        VectorRows.CheckRange(this, start, count);
        Data.AsSpan(start * Dimension, count * Dimension).CopyTo(destination);
    }
}
