using System.Globalization;
using System.Text.Json;
using Nvf.Core.Provenance;
using Nvf.Faiss;
using Nvf.Files;

namespace Nvf.Core.Index;

/// <summary>
/// An index the gate builds deterministically (over generated data, with a seed) kept on disk for the next run: the file
/// is named by what determines it (the data's cache key, the seed, the build's settings), recorded with its SHA-256 and
/// verified before use (<see cref="VerifiedCacheFile"/>), and opened with its lists memory-mapped. A file that is missing,
/// altered or of another shape is built again and the reason said. The index is the same either way: FAISS's file
/// format reads back exactly.
/// </summary>
public static class CachedIndexFile
{
    private const string Version = "nvf-index-cache v2";

    /// <summary>
    /// The index at <paramref name="file"/> when it is valid for <paramref name="count"/> x <paramref name="dimension"/> and was
    /// built by <paramref name="code"/> (a <see cref="CodeFingerprint"/> of the building code), else built by
    /// <paramref name="build"/>, written there, and opened from it.
    /// </summary>
    public static FaissIndex OpenOrBuild(string file, long count, int dimension, string code, Func<FaissIndex> build, IProgress<string>? status = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var recordFile = file + ".json";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var why = VerifiedCacheFile.Check<Record>(file, recordFile,
            r => r.Format != Version ? $"the cache record {recordFile} is of another format"
                : r.Count != count || r.Dimension != dimension ? string.Create(CultureInfo.InvariantCulture, $"the cache record says {r.Count} x {r.Dimension}; expected {count} x {dimension}")
                : r.Code != code ? $"the cache record {recordFile} is of an index built by other code"
                : null,
            r => r.Sha256, out _);
        if (why is null)
        {
            status?.Report(string.Create(CultureInfo.InvariantCulture, $"index read from the cache {file} (SHA-256 verified in {clock.Elapsed.TotalSeconds:F1} s)"));
            return FaissIndex.ReadMapped(file);
        }

        status?.Report($"building the index ({(why == "no cache yet" ? "no cached index yet" : why)})");
        using (var built = build())
            AtomicFile.WriteByPath(file, built.Write);
        var record = new Record(Version, count, dimension, code, FileDigest.Compute(file).Sha256);
        AtomicFile.Write(recordFile, stream => JsonSerializer.Serialize(stream, record));
        return FaissIndex.ReadMapped(file);
    }

    private sealed record Record(string Format, long Count, int Dimension, string Code, string Sha256);
}
