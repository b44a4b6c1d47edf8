namespace Nvf.Core.Data.NumPy;

/// <summary>
/// An array read from or written to .npy: <see cref="Data"/> holds all elements in C (row-major)
/// order whatever order the file used, in the element type <typeparamref name="T"/>
/// (float, double, int or long).
/// </summary>
public sealed class NpyArray<T> where T : unmanaged
{
    /// <summary>Wraps <paramref name="data"/> (not copied) with <paramref name="shape"/>.</summary>
    public NpyArray(string name, T[] data, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        var count = shape.Aggregate(1L, (product, dim) => product * dim);
        if (shape.Any(d => d < 0) || count != data.LongLength)
            throw new ArgumentException($"array '{name}': shape {NpyHeader.FormatShape(shape)} needs {count} elements; data holds {data.LongLength}", nameof(shape));
        Name = name;
        Data = data;
        Shape = shape;
    }

    /// <summary>The array's name (.npz member, or .npy file name without extension).</summary>
    public string Name { get; }

    /// <summary>All elements, row-major (C order).</summary>
    public T[] Data { get; }

    /// <summary>The shape, e.g. [5244, 5, 768].</summary>
    public int[] Shape { get; }

    /// <summary>The shape as NumPy prints it, e.g. "(5244, 768)".</summary>
    public string ShapeText => NpyHeader.FormatShape(Shape);
}
