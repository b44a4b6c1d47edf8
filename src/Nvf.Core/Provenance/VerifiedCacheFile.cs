using System.Text.Json;

namespace Nvf.Core.Provenance;

/// <summary>
/// The one check of a file the gate caches on disk beside a JSON record of what made it (a key over its inputs and
/// the file's SHA-256): the embedding cache and the generated payload use it. A cached file is used only when it and
/// its record exist, the record parses and describes what is asked for, and the file's bytes hash to the recorded
/// SHA-256; otherwise the caller makes the file again and says why.
/// </summary>
public static class VerifiedCacheFile
{
    /// <summary>
    /// Why <paramref name="file"/> cannot be used, or null when it can (then <paramref name="record"/> is its record).
    /// <paramref name="differs"/> says how a parsed record differs from what is asked for (another key, another shape),
    /// or null when it does not; <paramref name="sha256"/> reads the recorded SHA-256.
    /// </summary>
    public static string? Check<TRecord>(string file, string recordFile, Func<TRecord, string?> differs, Func<TRecord, string> sha256, out TRecord? record)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(differs);
        ArgumentNullException.ThrowIfNull(sha256);
        record = null;
        if (!File.Exists(file) || !File.Exists(recordFile))
            return "no cache yet";
        TRecord? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<TRecord>(File.ReadAllText(recordFile));
        }
        catch (JsonException)
        {
            return $"the cache record {recordFile} is not valid JSON";
        }

        if (parsed is null)
            return $"the cache record {recordFile} is empty";
        if (differs(parsed) is { } difference)
            return difference;
        if (FileDigest.Compute(file).Sha256 != sha256(parsed))
            return $"{file} does not match its recorded SHA-256 (truncated or altered)";
        record = parsed;
        return null;
    }
}
