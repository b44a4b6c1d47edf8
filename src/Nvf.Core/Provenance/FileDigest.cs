using System.Security.Cryptography;

namespace Nvf.Core.Provenance;

/// <summary>A data file a run used, identified by its SHA-256 (lowercase hex) and size in bytes.</summary>
/// <param name="Path">The path as the run was given it.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, 64 lowercase hex digits.</param>
/// <param name="Bytes">File size in bytes.</param>
public sealed record FileDigest(string Path, string Sha256, long Bytes)
{
    /// <summary>Hashes the file at <paramref name="path"/>, streaming (a 1.8 GB payload is never held in memory).</summary>
    public static FileDigest Compute(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: cannot hash a file that does not exist", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var hash = SHA256.HashData(stream);
        return new FileDigest(path, Convert.ToHexStringLower(hash), stream.Length);
    }

    /// <summary>The SHA-256 (lowercase hex) of the file at <paramref name="path"/>, or null when there is no such file.</summary>
    public static string? Sha256Of(string path) => File.Exists(path) ? Compute(path).Sha256 : null;
}
