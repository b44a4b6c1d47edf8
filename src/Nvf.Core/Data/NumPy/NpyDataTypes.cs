namespace Nvf.Core.Data.NumPy;

/// <summary>Facts about <see cref="NpyDataType"/>: item size, NumPy names, and the CLR type each maps to.</summary>
public static class NpyDataTypes
{
    /// <summary>Bytes per element: 2 for float16, 4 for float32/int32, 8 for float64/int64.</summary>
    public static int ItemSize(this NpyDataType type) => type switch
    {
        NpyDataType.Float16 => 2,
        NpyDataType.Float32 or NpyDataType.Int32 => 4,
        NpyDataType.Float64 or NpyDataType.Int64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "expected float16, float32, float64, int32 or int64"),
    };

    /// <summary>The NumPy name of the type, e.g. "float32".</summary>
    public static string NumPyName(this NpyDataType type) => type switch
    {
        NpyDataType.Float16 => "float16",
        NpyDataType.Float32 => "float32",
        NpyDataType.Float64 => "float64",
        NpyDataType.Int32 => "int32",
        NpyDataType.Int64 => "int64",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "expected float16, float32, float64, int32 or int64"),
    };

    /// <summary>The little-endian NumPy type code written in headers, e.g. "&lt;f4".</summary>
    public static string LittleEndianCode(this NpyDataType type) => type switch
    {
        NpyDataType.Float16 => "<f2",
        NpyDataType.Float32 => "<f4",
        NpyDataType.Float64 => "<f8",
        NpyDataType.Int32 => "<i4",
        NpyDataType.Int64 => "<i8",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "expected float16, float32, float64, int32 or int64"),
    };

    /// <summary>
    /// The dtype matching CLR element type <typeparamref name="T"/>: Half, float, double, int or long.
    /// Throws <see cref="NotSupportedException"/> for any other type.
    /// </summary>
    public static NpyDataType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(Half))
            return NpyDataType.Float16;
        if (typeof(T) == typeof(float))
            return NpyDataType.Float32;
        if (typeof(T) == typeof(double))
            return NpyDataType.Float64;
        if (typeof(T) == typeof(int))
            return NpyDataType.Int32;
        if (typeof(T) == typeof(long))
            return NpyDataType.Int64;
        throw new NotSupportedException($"element type {typeof(T).Name} has no .npy mapping; expected Half, float, double, int or long");
    }
}
