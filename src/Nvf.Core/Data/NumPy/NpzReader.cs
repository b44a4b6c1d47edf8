using System.IO.Compression;

namespace Nvf.Core.Data.NumPy;

/// <summary>
/// Reads arrays from a NumPy .npz archive (a zip of .npy members, stored by <c>np.savez</c> or
/// deflated by <c>np.savez_compressed</c>). Each array is streamed from the archive into its
/// destination without an intermediate copy. Errors name the file and the array.
/// </summary>
public sealed class NpzReader : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    /// <summary>Opens the archive at <paramref name="path"/>; <see cref="Path"/> names it in errors.</summary>
    public NpzReader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such .npz file", path);
        Path = path;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new NpyFormatException(path, "", $"{path}: not a readable .npz (zip) archive, maybe truncated: {e.Message}", e);
        }
        // np.savez names members "<name>.npy"; keep anything else out of the array list.
        _entries = _zip.Entries
            .Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName[..^4], StringComparer.Ordinal);
    }

    /// <summary>The archive's path as given to the constructor.</summary>
    public string Path { get; }

    /// <summary>Names of the arrays in the archive (member names without ".npy"), sorted.</summary>
    public IReadOnlyList<string> ArrayNames => _entries.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>True when the archive holds an array called <paramref name="name"/>.</summary>
    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>Reads only the header of array <paramref name="name"/>.</summary>
    public NpyHeader ReadHeader(string name)
    {
        using var stream = Open(name);
        return NpyHeaderParser.Read(stream, Path, name);
    }

    /// <summary>Reads array <paramref name="name"/>, dtype exactly <typeparamref name="T"/>, shape checked against <paramref name="expected"/>.</summary>
    public NpyArray<T> Read<T>(string name, ShapePattern? expected = null, IDictionary<string, (int Size, string From)>? bindings = null)
        where T : unmanaged
    {
        using var stream = Open(name);
        return WithSizeCheck(name, () => NpyReader.Read<T>(stream, Path, name, expected, bindings));
    }

    /// <summary>Reads array <paramref name="name"/> as float32, narrowing float64 (explicit, lossy).</summary>
    public NpyArray<float> ReadAsFloat32(string name, ShapePattern? expected = null, IDictionary<string, (int Size, string From)>? bindings = null)
    {
        using var stream = Open(name);
        return WithSizeCheck(name, () => NpyReader.ReadAsFloat32(stream, Path, name, expected, bindings));
    }

    /// <summary>Reads array <paramref name="name"/> as int64, widening int32.</summary>
    public NpyArray<long> ReadAsInt64(string name, ShapePattern? expected = null, IDictionary<string, (int Size, string From)>? bindings = null)
    {
        using var stream = Open(name);
        return WithSizeCheck(name, () => NpyReader.ReadAsInt64(stream, Path, name, expected, bindings));
    }

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    private Stream Open(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_entries.TryGetValue(name, out var entry))
            throw new NpyFormatException(Path, name,
                $"{Path}: no array '{name}' in the archive; it holds {(_entries.Count == 0 ? "no arrays" : string.Join(", ", ArrayNames))}");
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException e)
        {
            throw NpyFormatException.For(Path, name, $"cannot be opened in the archive: {e.Message}", e);
        }
    }

    private NpyArray<T> WithSizeCheck<T>(string name, Func<NpyArray<T>> read) where T : unmanaged
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            // A damaged deflate stream or CRC mismatch surfaces as InvalidDataException from the zip layer.
            throw NpyFormatException.For(Path, name, $"is damaged in the archive: {e.Message}", e);
        }
    }
}
