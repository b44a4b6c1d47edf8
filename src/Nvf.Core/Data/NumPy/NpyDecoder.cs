using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Nvf.Core.Data.NumPy;

/// <summary>
/// Streams the data of one .npy array into a destination array in C order, with at most one
/// full-size buffer: the destination. The common case (same dtype, C order) reads straight into
/// the destination's memory and swaps bytes in place if needed; conversions and Fortran order go
/// through a small fixed-size chunk buffer.
/// </summary>
internal static class NpyDecoder
{
    // 1 M elements per chunk: large enough for throughput, small enough (8 MB at most) to stay cheap.
    private const int ChunkElements = 1 << 20;

    public static void ReadInto<T>(Stream stream, NpyHeader header, T[] destination, string source, string arrayName)
        where T : unmanaged
    {
        var target = NpyDataTypes.Of<T>();
        var swap = header.IsLittleEndian != BitConverter.IsLittleEndian;
        var fortran = header.IsFortranOrder && header.Shape.Count(d => d > 1) > 1;
        var progress = new Progress(header.DataBytes, source, arrayName);
        if (header.DataType == target && !fortran)
        {
            ReadDirect(stream, destination, header.DataType.ItemSize(), swap, progress);
            return;
        }

        var itemSize = header.DataType.ItemSize();
        if (fortran && header.Shape.Length == 2)
        {
            ReadFortranMatrix(stream, header, destination, swap, progress);
            return;
        }
        var bytes = new byte[ChunkElements * itemSize];
        var decoded = new T[ChunkElements];
        var placer = fortran ? new FortranOrderPlacer(header.Shape) : null;
        long done = 0;
        while (done < destination.LongLength)
        {
            var n = (int)Math.Min(ChunkElements, destination.LongLength - done);
            var chunk = bytes.AsSpan(0, n * itemSize);
            progress.Fill(stream, chunk);
            if (swap)
                ReverseEndianness(chunk, itemSize);
            Convert(chunk, header.DataType, decoded.AsSpan(0, n));
            if (placer is null)
                decoded.AsSpan(0, n).CopyTo(destination.AsSpan((int)done, n));
            else
                placer.Place(decoded.AsSpan(0, n), destination);
            done += n;
        }
    }

    private static void ReadDirect<T>(Stream stream, T[] destination, int itemSize, bool swap, Progress progress)
        where T : unmanaged
    {
        // Slices keep each byte span under 2 GiB (Span<byte> lengths are int).
        const int sliceElements = 1 << 26;
        for (long start = 0; start < destination.LongLength; start += sliceElements)
        {
            var n = (int)Math.Min(sliceElements, destination.LongLength - start);
            var slice = MemoryMarshal.AsBytes(destination.AsSpan((int)start, n));
            progress.Fill(stream, slice);
            if (swap)
                ReverseEndianness(slice, itemSize);
        }
    }

    /// <summary>
    /// A Fortran-order matrix (rows, cols) arrives column by column. Scattering each element to its
    /// row costs a cache miss per element (measured: 30 s for 584,000 x 768), so whole blocks of
    /// columns are buffered (4 M elements, or 16 columns if more: 75 MB for 584,000 rows of float32)
    /// and written out row
    /// by row, each row receiving a contiguous run of the block's columns.
    /// </summary>
    private static void ReadFortranMatrix<T>(Stream stream, NpyHeader header, T[] destination, bool swap, Progress progress)
        where T : unmanaged
    {
        int rows = header.Shape[0], cols = header.Shape[1];
        var itemSize = header.DataType.ItemSize();
        // At least 16 columns: one 64-byte cache line of float32 per row and block.
        var blockColumns = (int)Math.Clamp(Math.Max(16, 4L * ChunkElements / Math.Max(rows, 1)), 1, cols);
        var bytes = new byte[(long)blockColumns * rows * itemSize];
        var block = new T[(long)blockColumns * rows];
        for (var first = 0; first < cols; first += blockColumns)
        {
            var width = Math.Min(blockColumns, cols - first);
            var chunk = bytes.AsSpan(0, width * rows * itemSize);
            progress.Fill(stream, chunk);
            if (swap)
                ReverseEndianness(chunk, itemSize);
            Convert(chunk, header.DataType, block.AsSpan(0, width * rows));
            for (var r = 0; r < rows; r++)
            {
                var target = (long)r * cols + first;
                for (var c = 0; c < width; c++)
                    destination[target + c] = block[(long)c * rows + r];
            }
        }
    }

    internal static void ReverseEndianness(Span<byte> bytes, int itemSize)
    {
        if (itemSize == 2)
        {
            var halves = MemoryMarshal.Cast<byte, short>(bytes);
            BinaryPrimitives.ReverseEndianness(halves, halves);
        }
        else if (itemSize == 4)
        {
            var words = MemoryMarshal.Cast<byte, int>(bytes);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
        else
        {
            var words = MemoryMarshal.Cast<byte, long>(bytes);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
    }

    private static void Convert<T>(ReadOnlySpan<byte> bytes, NpyDataType from, Span<T> to) where T : unmanaged
    {
        var target = NpyDataTypes.Of<T>();
        if (from == target)
        {
            MemoryMarshal.Cast<byte, T>(bytes).CopyTo(to);
            return;
        }
        switch (from, target)
        {
            case (NpyDataType.Float64, NpyDataType.Float32):
                Narrow(MemoryMarshal.Cast<byte, double>(bytes), MemoryMarshal.Cast<T, float>(to));
                break;
            case (NpyDataType.Float16, NpyDataType.Float32):
                Widen(MemoryMarshal.Cast<byte, Half>(bytes), MemoryMarshal.Cast<T, float>(to));
                break;
            case (NpyDataType.Int32, NpyDataType.Int64):
                Widen(MemoryMarshal.Cast<byte, int>(bytes), MemoryMarshal.Cast<T, long>(to));
                break;
            default:
                throw new InvalidOperationException($"no conversion from {from.NumPyName()} to {target.NumPyName()}; callers check this first");
        }
    }

    private static void Narrow(ReadOnlySpan<double> from, Span<float> to)
    {
        for (var i = 0; i < from.Length; i++)
            to[i] = (float)from[i];
    }

    private static void Widen(ReadOnlySpan<Half> from, Span<float> to)
    {
        for (var i = 0; i < from.Length; i++)
            to[i] = (float)from[i];
    }

    private static void Widen(ReadOnlySpan<int> from, Span<long> to)
    {
        for (var i = 0; i < from.Length; i++)
            to[i] = from[i];
    }

    /// <summary>Counts bytes read so that a short stream reports how much data was missing.</summary>
    private sealed class Progress(long total, string source, string arrayName)
    {
        private long _read;

        public void Fill(Stream stream, Span<byte> buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var n = stream.Read(buffer[done..]);
                if (n == 0)
                    throw NpyFormatException.For(source, arrayName,
                        $"is truncated: its data needs {total} bytes after the header but only {_read + done} are there");
                done += n;
            }
            _read += done;
        }
    }
}
