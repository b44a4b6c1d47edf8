namespace Nvf.Core.Data.NumPy;

/// <summary>The element types this reader and writer support (NumPy dtypes f2, f4, f8, i4, i8).</summary>
public enum NpyDataType
{
    /// <summary>IEEE 754 single precision, NumPy <c>float32</c> (<c>f4</c>), 4 bytes.</summary>
    Float32,

    /// <summary>IEEE 754 double precision, NumPy <c>float64</c> (<c>f8</c>), 8 bytes.</summary>
    Float64,

    /// <summary>Signed 32-bit integer, NumPy <c>int32</c> (<c>i4</c>), 4 bytes.</summary>
    Int32,

    /// <summary>Signed 64-bit integer, NumPy <c>int64</c> (<c>i8</c>), 8 bytes.</summary>
    Int64,

    /// <summary>IEEE 754 half precision, NumPy <c>float16</c> (<c>f2</c>), 2 bytes: read widened to float32.</summary>
    Float16,
}
