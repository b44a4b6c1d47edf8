using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Nvf.Core.Data.NumPy;

/// <summary>
/// A 2-D float32 little-endian C-order .npy file read in place: each request reads only the rows it names, by
/// positioned reads through the operating system's page cache, so a payload larger than the process's memory is
/// never copied whole. A file rewritten or truncated while it is read fails the read naming the file (a memory
/// mapping would end the process with SIGBUS instead).
/// </summary>
public sealed class NpyRowFile : IVectorRows
{
    private readonly long dataOffset;
    private readonly long fileLength;

    private NpyRowFile(string path, long dataOffset, int count, int dimension, long fileLength)
    {
        Path = path;
        this.dataOffset = dataOffset;
        Count = count;
        Dimension = dimension;
        this.fileLength = fileLength;
    }

    /// <summary>The .npy file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <summary>Bytes of vector data (Count * Dimension * 4).</summary>
    public long DataBytes => (long)Count * Dimension * sizeof(float);

    /// <summary>
    /// The rows of <paramref name="path"/> (shape (N, D), D = <paramref name="dimension"/> when given): read in place
    /// when the file is float32, little-endian and C order; otherwise read whole and converted (float64 narrowed,
    /// bytes swapped, Fortran order transposed), with <paramref name="readWhole"/> saying why.
    /// </summary>
    public static IVectorRows Open(string path, int? dimension, out string? readWhole)
    {
        var header = NpyReader.ReadHeader(path);
        var arrayName = System.IO.Path.GetFileNameWithoutExtension(path);
        ShapePattern.Parse(dimension is { } d ? $"(N, {d})" : "(N, D)").Check(header.Shape, path, arrayName, null);
        readWhole = header switch
        {
            { DataType: NpyDataType.Float16 } => "float16 is widened to float32",
            { DataType: not NpyDataType.Float32 } => $"{header.DataType.NumPyName()} is narrowed to float32",
            { IsLittleEndian: false } => "big-endian bytes are swapped",
            { IsFortranOrder: true } when header.Shape.All(n => n > 1) => "Fortran order is transposed",
            _ => null,
        };
        if (readWhole is not null)
            return NpyReader.ReadVectorSet(path, dimension);
        var length = new FileInfo(path).Length;
        if (length - header.DataOffset < header.DataBytes)
            throw NpyFormatException.For(path, arrayName,
                $"is truncated: shape {header.ShapeText} of float32 needs {header.DataBytes} bytes after the header but only {length - header.DataOffset} are there");
        return new NpyRowFile(path, header.DataOffset, header.Shape[0], header.Shape[1], length);
    }

    /// <inheritdoc/>
    public void CopyRows(int start, int count, Span<float> destination)
    {
        VectorRows.CheckRange(this, start, count);
        using var handle = OpenHandle();
        Read(handle, start, count, destination);
    }

    /// <summary>Copies the rows named by <paramref name="indices"/>, in order, into <paramref name="destination"/>, opening the file once.</summary>
    public void CopyEach(IReadOnlyList<int> indices, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(indices);
        using var handle = OpenHandle();
        for (var i = 0; i < indices.Count; i++)
        {
            VectorRows.CheckRange(this, indices[i], 1);
            Read(handle, indices[i], 1, destination.Slice(i * Dimension, Dimension));
        }
    }

    private SafeFileHandle OpenHandle()
    {
        var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (RandomAccess.GetLength(handle) != fileLength)
        {
            handle.Dispose();
            throw Changed();
        }

        return handle;
    }

    private void Read(SafeFileHandle handle, int start, int count, Span<float> destination)
    {
        // Slices of at most 256 M floats keep each byte span under 2 GiB (span lengths are int).
        const int sliceFloats = 1 << 28;
        var floats = destination[..checked(count * Dimension)];
        var offset = dataOffset + (long)start * Dimension * sizeof(float);
        while (!floats.IsEmpty)
        {
            var slice = floats[..Math.Min(sliceFloats, floats.Length)];
            var bytes = MemoryMarshal.AsBytes(slice);
            while (!bytes.IsEmpty)
            {
                var read = RandomAccess.Read(handle, bytes, offset);
                if (read <= 0)
                    throw Changed();
                bytes = bytes[read..];
                offset += read;
            }

            floats = floats[slice.Length..];
        }
    }

    private NpyFormatException Changed() => NpyFormatException.For(Path, System.IO.Path.GetFileNameWithoutExtension(Path),
        $"changed while it was being read: it was {fileLength:N0} bytes when opened; expected the file to stay as it was until the run ends");
}
