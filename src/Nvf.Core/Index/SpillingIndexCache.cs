using Nvf.Faiss;
using Nvf.Files;

namespace Nvf.Core.Index;

/// <summary>
/// Holds at most one large index in memory at a time. Asking for another one first writes the live one to a
/// spill file (once; FAISS's own format, which reads back exactly) and frees it; an index asked for again is read
/// back from its spill file instead of being rebuilt. At the seed's scale each index is 1.8 GB, so a workspace that
/// uses the payload index and a two-tower P(payload) index in turn keeps one of them, not both, beside the payload.
/// A memory-mapped index (<see cref="FaissIndex.IsMapped"/>) is never spilled: it is closed, and its build re-maps its file.
/// An index handed out stays valid until the next <see cref="Get"/> for another key; a disposed one refuses use
/// with <see cref="ObjectDisposedException"/>. Not thread-safe.
/// </summary>
/// <typeparam name="TKey">What identifies an index (e.g. the k-means seed, or a model and epoch).</typeparam>
public sealed class SpillingIndexCache<TKey> : IDisposable
    where TKey : notnull
{
    private readonly string folder;
    private readonly Dictionary<TKey, string> spilled = [];
    private (TKey Key, FaissIndex Index)? live;
    private int files;

    private const string FolderPrefix = "nvf-index-spill-";

    /// <summary>
    /// Spill files go to a new folder under <paramref name="parent"/> (the system's temporary folder by default), removed on
    /// dispose. Spill folders that a process no longer running left there (killed before it could dispose) are removed first.
    /// </summary>
    /// <param name="parent">Where to make the spill folder.</param>
    public SpillingIndexCache(string? parent = null)
    {
        parent ??= Path.GetTempPath();
        RemoveOrphans(parent);
        folder = Path.Combine(parent, $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>Spill folders under <paramref name="parent"/> removed because the process that made them is gone.</summary>
    /// <param name="parent">Where spill folders are made.</param>
    /// <returns>How many were removed.</returns>
    public static int RemoveOrphans(string parent)
    {
        if (!Directory.Exists(parent))
            return 0;
        var removed = 0;
        foreach (var candidate in Directory.EnumerateDirectories(parent, FolderPrefix + "*"))
        {
            var rest = Path.GetFileName(candidate)[FolderPrefix.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(rest.AsSpan(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
                continue;
            try
            {
                Directory.Delete(candidate, recursive: true);
                removed++;
            }
            catch (IOException)
            {
                // Another process is removing it too, or a file in it is still open: it is left for the next sweep.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's folder: not ours to remove.
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Bytes written to spill files so far.</summary>
    public long SpilledBytes { get; private set; }

    /// <summary>
    /// The index of <paramref name="key"/>: the live one, else read back from its spill file, else made by
    /// <paramref name="build"/>; whatever else was live is spilled and freed first.
    /// </summary>
    /// <param name="key">Which index.</param>
    /// <param name="build">Makes it the first time (its memory is counted after the live one is freed).</param>
    /// <param name="status">Hears about spilling and reading back, or null.</param>
    public FaissIndex Get(TKey key, Func<FaissIndex> build, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (live is { } current && EqualityComparer<TKey>.Default.Equals(current.Key, key))
            return current.Index;
        Evict(status);
        FaissIndex index;
        if (spilled.TryGetValue(key, out var file))
        {
            status?.Report($"reading the index back from {file}");
            index = FaissIndex.Read(file);
        }
        else
        {
            index = build();
        }

        live = (key, index);
        return index;
    }

    /// <summary>Frees the live index and deletes every spill file.</summary>
    public void Dispose()
    {
        live?.Index.Dispose();
        live = null;
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        spilled.Clear();
    }

    private void Evict(IProgress<string>? status)
    {
        if (live is not { } current)
            return;
        // A memory-mapped index already lives in its file: it is closed, and opened again by its build if asked for.
        if (!spilled.ContainsKey(current.Key) && !current.Index.IsMapped)
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"index-{files++}.faiss");
            status?.Report($"spilling an index of {current.Index.Count:N0} vectors to {folder} to keep one in memory");
            AtomicFile.WriteByPath(file, current.Index.Write);
            SpilledBytes += new FileInfo(file).Length;
            spilled[current.Key] = file;
        }

        current.Index.Dispose();
        live = null;
    }
}
