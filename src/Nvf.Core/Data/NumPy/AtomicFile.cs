namespace Nvf.Core.Data.NumPy;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a partial
/// one: write a temporary file in the same folder (same file system), flush it to disk, rename.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static string TempPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)
            ?? throw new ArgumentException($"{path}: cannot write to a root; expected a file path", nameof(path));
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{path}: folder {folder} does not exist");
        return Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }
}
