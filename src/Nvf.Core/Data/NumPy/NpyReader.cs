namespace Nvf.Core.Data.NumPy;

/// <summary>
/// Reads NumPy .npy arrays (format 1.0, 2.0, 3.0; float32/float64/int32/int64; C or Fortran order;
/// either byte order) into C-order .NET arrays. Pickled object arrays are refused. The result is
/// the only full-size copy of the data: a 584,000 x 768 float32 payload costs its 1.8 GB once.
/// Every error names the file and the array.
/// </summary>
public static class NpyReader
{
    /// <summary>Reads only the header of the .npy file at <paramref name="path"/>.</summary>
    public static NpyHeader ReadHeader(string path)
    {
        using var stream = OpenFile(path);
        return NpyHeaderParser.Read(stream, path, ArrayNameOf(path));
    }

    /// <summary>
    /// Reads an array whose dtype must be exactly <typeparamref name="T"/> (float = float32,
    /// double = float64, int = int32, long = int64) and, if given, whose shape must match
    /// <paramref name="expected"/>.
    /// </summary>
    public static NpyArray<T> Read<T>(string path, ShapePattern? expected = null) where T : unmanaged
    {
        using var stream = OpenFile(path);
        return Read<T>(stream, path, ArrayNameOf(path), expected);
    }

    /// <summary>Reads a float32 array, narrowing float64 data to float32 (explicit, lossy) and widening float16 (exact).</summary>
    public static NpyArray<float> ReadAsFloat32(string path, ShapePattern? expected = null)
    {
        using var stream = OpenFile(path);
        return ReadAsFloat32(stream, path, ArrayNameOf(path), expected);
    }

    /// <summary>Reads an int64 array, widening int32 data to int64.</summary>
    public static NpyArray<long> ReadAsInt64(string path, ShapePattern? expected = null)
    {
        using var stream = OpenFile(path);
        return ReadAsInt64(stream, path, ArrayNameOf(path), expected);
    }

    /// <summary>
    /// Reads a 2-D float16, float32 or float64 array (Count, Dimension) as a float32 <see cref="VectorSet"/> (float64
    /// narrowed, float16 widened); when
    /// <paramref name="dimension"/> is given the second axis must equal it.
    /// </summary>
    public static VectorSet ReadVectorSet(string path, int? dimension = null)
    {
        var pattern = ShapePattern.Parse(dimension is { } d ? $"(N, {d})" : "(N, D)");
        // float64, as NumPy writes by default, is narrowed to float32 like every other vector the gate reads.
        var array = ReadAsFloat32(path, pattern);
        return new VectorSet(array.Data, array.Shape[0], array.Shape[1]);
    }

    /// <summary>
    /// Reads one array from <paramref name="stream"/> (positioned at the magic string), exact dtype
    /// <typeparamref name="T"/>. <paramref name="source"/> and <paramref name="arrayName"/> name it in errors.
    /// </summary>
    public static NpyArray<T> Read<T>(Stream stream, string source, string arrayName, ShapePattern? expected = null,
        IDictionary<string, (int Size, string From)>? bindings = null) where T : unmanaged =>
        ReadConverting<T>(stream, source, arrayName, expected, bindings, NpyDataTypes.Of<T>());

    /// <summary>Stream form of <see cref="ReadAsFloat32(string, ShapePattern?)"/>.</summary>
    public static NpyArray<float> ReadAsFloat32(Stream stream, string source, string arrayName, ShapePattern? expected = null,
        IDictionary<string, (int Size, string From)>? bindings = null) =>
        ReadConverting<float>(stream, source, arrayName, expected, bindings, NpyDataType.Float32, NpyDataType.Float64, NpyDataType.Float16);

    /// <summary>Stream form of <see cref="ReadAsInt64(string, ShapePattern?)"/>.</summary>
    public static NpyArray<long> ReadAsInt64(Stream stream, string source, string arrayName, ShapePattern? expected = null,
        IDictionary<string, (int Size, string From)>? bindings = null) =>
        ReadConverting<long>(stream, source, arrayName, expected, bindings, NpyDataType.Int64, NpyDataType.Int32);

    private static NpyArray<T> ReadConverting<T>(Stream stream, string source, string arrayName, ShapePattern? expected,
        IDictionary<string, (int Size, string From)>? bindings, params NpyDataType[] accepted) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(arrayName);
        var header = NpyHeaderParser.Read(stream, source, arrayName);
        if (!accepted.Contains(header.DataType))
        {
            var hint = NpyDataTypes.Of<T>() switch
            {
                NpyDataType.Float32 when header.DataType == NpyDataType.Float64 => " (save it with .astype(numpy.float32))",
                NpyDataType.Int64 when header.DataType == NpyDataType.Int32 => " (save it with .astype(numpy.int64))",
                _ => "",
            };
            throw NpyFormatException.For(source, arrayName,
                $"has dtype {header.DataType.NumPyName()}; expected {string.Join(" or ", accepted.Select(a => a.NumPyName()))}{hint}");
        }
        expected?.Check(header.Shape, source, arrayName, bindings);
        if (stream.CanSeek)
        {
            var available = stream.Length - stream.Position;
            if (available < header.DataBytes)
                throw NpyFormatException.For(source, arrayName,
                    $"is truncated: shape {header.ShapeText} of {header.DataType.NumPyName()} needs {header.DataBytes} bytes after the header but only {available} are there");
        }
        var data = new T[header.ElementCount];
        NpyDecoder.ReadInto(stream, header, data, source, arrayName);
        return new NpyArray<T>(arrayName, data, header.Shape);
    }

    private static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such .npy file", path);
        // Large sequential reads: a 1 MiB buffer and the sequential-scan hint.
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
    }

    private static string ArrayNameOf(string path) => Path.GetFileNameWithoutExtension(path);
}
