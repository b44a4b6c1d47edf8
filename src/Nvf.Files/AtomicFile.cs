using System.Text;

namespace Nvf.Files;

/// <summary>
/// The one way the project replaces a file: readers see the old file or the complete new one, never a half-written one.
/// The new content goes to a temporary file in the same folder (same file system), is flushed to disk, then renamed
/// over the target; on failure the temporary file is removed and the target is untouched. The folder is created when
/// missing.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, which receives the temporary file's stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteByPath(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            write(stream);
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream => stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text)));
    }

    /// <summary>
    /// Writes <paramref name="path"/> through a writer that takes a file name (native code: a FAISS index, a libtorch
    /// state dict): <paramref name="writeTo"/> gets the temporary path, which is renamed over the target when it returns.
    /// </summary>
    public static void WriteByPath(string path, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        var temporary = TemporaryPathFor(path);
        try
        {
            writeTo(temporary);
            Commit(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A new temporary file name beside <paramref name="path"/> (hidden, unique), its folder created when missing.</summary>
    public static string TemporaryPathFor(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)
            ?? throw new ArgumentException($"{path}: cannot write to a root; expected a file path", nameof(path));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Renames the finished <paramref name="temporary"/> file (from <see cref="TemporaryPathFor"/>) over <paramref name="path"/>.</summary>
    public static void Commit(string temporary, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(temporary);
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.Move(temporary, Path.GetFullPath(path), overwrite: true);
    }
}
