namespace Nvf.Core.Data.NumPy;

/// <summary>
/// The parsed header of one .npy array: format version, dtype, byte order, memory order and shape.
/// The data follows at <see cref="DataOffset"/> bytes from the start of the .npy stream.
/// </summary>
public sealed record NpyHeader
{
    /// <summary>Format version (1.0, 2.0 or 3.0) as (major, minor).</summary>
    public required (int Major, int Minor) Version { get; init; }

    /// <summary>Element type stored in the file.</summary>
    public required NpyDataType DataType { get; init; }

    /// <summary>True when elements are stored little-endian ('&lt;', or '=' on a little-endian writer).</summary>
    public required bool IsLittleEndian { get; init; }

    /// <summary>True when the file stores the array in Fortran (column-major) order.</summary>
    public required bool IsFortranOrder { get; init; }

    /// <summary>Array shape; empty for a 0-d scalar.</summary>
    public required int[] Shape { get; init; }

    /// <summary>Byte offset of the first element from the start of the .npy stream.</summary>
    public required long DataOffset { get; init; }

    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, dim) => product * dim);

    /// <summary>Bytes of array data after the header.</summary>
    public long DataBytes => ElementCount * DataType.ItemSize();

    /// <summary>The shape written as NumPy prints it, e.g. "(5244, 768)" or "(5,)".</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Formats a shape as NumPy prints it: "(5244, 768)", "(5,)", "()".</summary>
    public static string FormatShape(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
}
