using System.Runtime.InteropServices;
using System.Text;
using Nvf.Files;

namespace Nvf.Core.Data.NumPy;

/// <summary>
/// Writes .npy arrays NumPy reads with <c>np.load</c>: little-endian, C order, format 1.0 (2.0 only
/// if the header would exceed 65,535 bytes), header padded to a multiple of 64 bytes as NumPy does.
/// File writes are atomic: a temporary file in the same folder, then a rename.
/// </summary>
public static class NpyWriter
{
    /// <summary>Writes <paramref name="data"/> (C order) with <paramref name="shape"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write<T>(string path, T[] data, params int[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        AtomicFile.Write(path, stream => Write(stream, data, shape));
    }

    /// <summary>Writes <paramref name="vectors"/> as a float32 (Count, Dimension) array, atomically.</summary>
    public static void Write(string path, VectorSet vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        Write(path, vectors.Data, vectors.Count, vectors.Dimension);
    }

    /// <summary>Writes one .npy array (header and data) to <paramref name="stream"/> at its current position.</summary>
    public static void Write<T>(Stream stream, ReadOnlySpan<T> data, int[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(shape);
        var count = shape.Aggregate(1L, (product, dim) => product * dim);
        if (shape.Any(d => d < 0) || count != data.Length)
            throw new ArgumentException($"shape {NpyHeader.FormatShape(shape)} needs {count} elements; data holds {data.Length}", nameof(shape));
        var type = NpyDataTypes.Of<T>();
        stream.Write(Header(type, shape));

        const int sliceElements = 1 << 20;
        var swapBuffer = BitConverter.IsLittleEndian ? null : new byte[sliceElements * type.ItemSize()];
        for (var start = 0; start < data.Length; start += sliceElements)
        {
            var bytes = MemoryMarshal.AsBytes(data.Slice(start, Math.Min(sliceElements, data.Length - start)));
            if (swapBuffer is null)
            {
                stream.Write(bytes);
                continue;
            }
            // .npy files are written little-endian everywhere, so a big-endian host swaps a copy.
            var copy = swapBuffer.AsSpan(0, bytes.Length);
            bytes.CopyTo(copy);
            NpyDecoder.ReverseEndianness(copy, type.ItemSize());
            stream.Write(copy);
        }
    }

    private static byte[] Header(NpyDataType type, int[] shape)
    {
        var dict = $"{{'descr': '{type.LittleEndianCode()}', 'fortran_order': False, 'shape': {NpyHeader.FormatShape(shape)}, }}";
        var version = dict.Length + 1 + 10 > ushort.MaxValue ? 2 : 1;
        var preamble = version == 1 ? 10 : 12;
        // NumPy pads with spaces so that the data starts on a 64-byte boundary, ending in '\n'.
        var total = (preamble + dict.Length + 1 + 63) / 64 * 64;
        var text = dict.PadRight(total - preamble - 1) + "\n";
        var header = new byte[total];
        header[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", header.AsSpan(1));
        header[6] = (byte)version;
        header[7] = 0;
        var length = total - preamble;
        if (version == 1)
            BitConverter.TryWriteBytes(header.AsSpan(8, 2), (ushort)length);
        else
            BitConverter.TryWriteBytes(header.AsSpan(8, 4), (uint)length);
        if (!BitConverter.IsLittleEndian)
            header.AsSpan(8, version == 1 ? 2 : 4).Reverse();
        Encoding.Latin1.GetBytes(text, header.AsSpan(preamble));
        return header;
    }
}
