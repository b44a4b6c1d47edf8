using System.Buffers.Binary;
using System.Text;

namespace Nvf.Core.Data.NumPy;

/// <summary>
/// Reads the magic, version and header of a .npy stream (NumPy's format spec, numpy/lib/format.py):
/// "\x93NUMPY", major, minor, a 2-byte (v1) or 4-byte (v2, v3) little-endian header length, then a
/// Python dict literal with 'descr', 'fortran_order' and 'shape'. Only literals are parsed; nothing
/// is evaluated.
/// </summary>
internal static class NpyHeaderParser
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // NumPy itself refuses headers above 10,000 bytes by default; 1 MiB is a generous guard
    // against a corrupt length field making us allocate gigabytes.
    private const int MaxHeaderBytes = 1 << 20;

    public static NpyHeader Read(Stream stream, string source, string arrayName)
    {
        var prefix = new byte[8];
        ReadFully(stream, prefix, source, arrayName, "the .npy preamble");
        if (!prefix.AsSpan(0, 6).SequenceEqual(Magic))
            throw NpyFormatException.For(source, arrayName, "is not in .npy format: the file does not start with \"\\x93NUMPY\"");
        int major = prefix[6], minor = prefix[7];
        if (major is < 1 or > 3 || minor != 0)
            throw NpyFormatException.For(source, arrayName, $"has .npy format version {major}.{minor}; expected 1.0, 2.0 or 3.0");

        var lengthBytes = new byte[major == 1 ? 2 : 4];
        ReadFully(stream, lengthBytes, source, arrayName, "the header length");
        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes)
            : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderBytes)
            throw NpyFormatException.For(source, arrayName, $"declares a {headerLength}-byte header; expected at most {MaxHeaderBytes} (corrupt file?)");

        var headerBytes = new byte[headerLength];
        ReadFully(stream, headerBytes, source, arrayName, "the header");
        // Versions 1 and 2 store the header as latin-1, version 3 as UTF-8.
        var text = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        var fields = new NpyHeaderLiteral(text, source, arrayName).ParseDict();

        var (dataType, little) = ParseDescr(Require(fields, "descr", source, arrayName), source, arrayName);
        var fortran = Require(fields, "fortran_order", source, arrayName) switch
        {
            bool b => b,
            var other => throw NpyFormatException.For(source, arrayName, $"has 'fortran_order' = {other}; expected True or False"),
        };
        var shape = Require(fields, "shape", source, arrayName) switch
        {
            long[] dims => ToShape(dims, source, arrayName),
            var other => throw NpyFormatException.For(source, arrayName, $"has 'shape' = {other}; expected a tuple of integers"),
        };
        return new NpyHeader
        {
            Version = (major, minor),
            DataType = dataType,
            IsLittleEndian = little,
            IsFortranOrder = fortran,
            Shape = shape,
            DataOffset = prefix.Length + lengthBytes.Length + headerLength,
        };
    }

    private static object Require(Dictionary<string, object> fields, string key, string source, string arrayName) =>
        fields.TryGetValue(key, out var value)
            ? value
            : throw NpyFormatException.For(source, arrayName, $"has a header without '{key}'; expected 'descr', 'fortran_order' and 'shape'");

    private static int[] ToShape(long[] dims, string source, string arrayName)
    {
        long count = 1;
        foreach (var d in dims)
        {
            if (d < 0 || d > int.MaxValue)
                throw NpyFormatException.For(source, arrayName, $"has dimension {d} in its shape; expected 0..{int.MaxValue}");
            count *= d;
            if (count > Array.MaxLength)
                throw NpyFormatException.For(source, arrayName, $"has {count}+ elements; one .NET array holds at most {Array.MaxLength}");
        }
        return dims.Select(d => (int)d).ToArray();
    }

    private static (NpyDataType Type, bool LittleEndian) ParseDescr(object descr, string source, string arrayName)
    {
        if (descr is not string code)
            throw NpyFormatException.For(source, arrayName,
                "has a structured dtype (a list of fields); expected a plain float16, float32, float64, int32 or int64 array");
        if (code.Length >= 2 && code[1] == 'O')
            throw NpyFormatException.For(source, arrayName,
                $"holds Python objects (dtype '{code}'), which NumPy stores as a pickle; unpickling can run arbitrary code, " +
                "so object arrays are refused. Save the array with a numeric dtype (float16, float32, float64, int32 or int64).");
        if (code.Length != 3 || "<>|=".IndexOf(code[0]) < 0)
            throw NpyFormatException.For(source, arrayName, $"has dtype '{code}'; expected one of <f2, <f4, <f8, <i4, <i8 (either byte order)");
        NpyDataType? type = code.AsSpan(1) switch
        {
            "f2" => NpyDataType.Float16,
            "f4" => NpyDataType.Float32,
            "f8" => NpyDataType.Float64,
            "i4" => NpyDataType.Int32,
            "i8" => NpyDataType.Int64,
            _ => null,
        };
        if (type is null)
            throw NpyFormatException.For(source, arrayName,
                $"has dtype '{code}'; supported are float16 (f2), float32 (f4), float64 (f8), int32 (i4) and int64 (i8), either byte order");
        // '=' is the writer's native order; NumPy always writes '<' or '>' for multi-byte types,
        // so '=' and '|' only come from hand-made files: read them as little-endian, the order of
        // every platform NumPy and .NET run on here.
        return (type.Value, code[0] != '>');
    }

    internal static void ReadFully(Stream stream, Span<byte> buffer, string source, string arrayName, string what)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var n = stream.Read(buffer[done..]);
            if (n == 0)
                throw NpyFormatException.For(source, arrayName, $"is truncated: the stream ended inside {what} ({done} of {buffer.Length} bytes)");
            done += n;
        }
    }
}
