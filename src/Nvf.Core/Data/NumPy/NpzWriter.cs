using System.IO.Compression;
using Nvf.Files;

namespace Nvf.Core.Data.NumPy;

/// <summary>
/// Writes a NumPy .npz archive (zip of "<c>name</c>.npy" members) that <c>np.load</c> reads, either
/// stored like <c>np.savez</c> or deflated like <c>np.savez_compressed</c>. Arrays are written to
/// a temporary file; <see cref="Commit"/> renames it into place, so readers never see half an
/// archive, and disposing without committing leaves any earlier file untouched.
/// </summary>
public sealed class NpzWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _stream;
    private readonly ZipArchive _zip;
    private readonly CompressionLevel _level;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private bool _done;

    /// <summary>Starts an archive for <paramref name="path"/>; <paramref name="compress"/> deflates members.</summary>
    public NpzWriter(string path, bool compress = false)
    {
        _path = path;
        _temp = AtomicFile.TemporaryPathFor(path);
        _level = compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20);
        _zip = new ZipArchive(_stream, ZipArchiveMode.Create, leaveOpen: true);
    }

    /// <summary>Adds array <paramref name="name"/> with <paramref name="shape"/> (C order data).</summary>
    public NpzWriter Add<T>(string name, T[] data, params int[] shape) where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(data);
        ObjectDisposedException.ThrowIf(_done, this);
        if (!_names.Add(name))
            throw new ArgumentException($"{_path}: array '{name}' was already added; expected unique names", nameof(name));
        var entry = _zip.CreateEntry(name + ".npy", _level);
        using var member = entry.Open();
        NpyWriter.Write<T>(member, data, shape);
        return this;
    }

    /// <summary>Adds <paramref name="vectors"/> as float32 array <paramref name="name"/> of shape (Count, Dimension).</summary>
    public NpzWriter Add(string name, VectorSet vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        return Add(name, vectors.Data, vectors.Count, vectors.Dimension);
    }

    /// <summary>Finishes the archive and moves it to its path, replacing any earlier file.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _zip.Dispose();
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        AtomicFile.Commit(_temp, _path);
        _done = true;
    }

    /// <summary>Abandons an uncommitted archive (the temporary file is deleted).</summary>
    public void Dispose()
    {
        if (_done)
            return;
        _done = true;
        _zip.Dispose();
        _stream.Dispose();
        File.Delete(_temp);
    }
}
