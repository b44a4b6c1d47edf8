using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Provenance;
using Nvf.Files;

namespace Nvf.Core.Text;

/// <summary>
/// Embeddings on disk, keyed by what determines them: the model file's SHA-256, the encoder's recipe (tokenizer,
/// truncation, pooling) and the texts themselves (SHA-256 over every text, in order). A second run reads the .npy;
/// a cache of another model or corpus is a different file; a truncated, corrupt or mismatched file is rebuilt and
/// the reason said, never trusted. Files are written atomically (a reader sees the old file or the whole new one).
/// </summary>
public static class EmbeddingCache
{
    const string Version = "nvf-embedding-cache v1";

    /// <summary>
    /// The vectors of <paramref name="texts"/> (float32 (N, D), row i for text i): read from
    /// <paramref name="folder"/> when a valid cache is there, else encoded and stored.
    /// </summary>
    /// <param name="encoder">The sentence-transformer.</param>
    /// <param name="texts">The texts, in order.</param>
    /// <param name="name">A file-name stem saying what the texts are ("wordnet-glosses").</param>
    /// <param name="folder">The cache folder (created when missing).</param>
    /// <param name="progress">Hears what happens: cache hit, rebuild and why, embedding progress.</param>
    public static EmbeddingResult Embed(SentenceEncoder encoder, IReadOnlyList<string> texts, string name, string folder, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var key = KeyOf(encoder, texts);
        var file = Path.Combine(folder, $"{name}-{key[..16]}.npy");
        var sidecar = file + ".json";
        var why = Check(file, sidecar, key, texts.Count, encoder.Dimension);
        if (why is null)
        {
            var vectors = NpyReader.ReadVectorSet(file, encoder.Dimension);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{name}: {texts.Count:N0} embeddings read from the cache {file}"));
            return new EmbeddingResult(vectors, file, FromCache: true, null, null);
        }

        progress?.Report($"{name}: embedding {texts.Count:N0} texts ({why})");
        var encoded = encoder.Encode(texts, progress);
        var set = new VectorSet(encoded.Vectors, encoded.Count, encoded.Dimension);
        NpyWriter.Write(file, set);
        var entry = new Entry(Version, key, encoder.ModelSha256, encoder.Recipe, texts.Count, encoded.Dimension, FileDigest.Compute(file).Sha256);
        AtomicFile.Write(sidecar, stream => JsonSerializer.Serialize(stream, entry));
        return new EmbeddingResult(set, file, FromCache: false, why, encoded);
    }

    /// <summary>The cache key: SHA-256 (hex) over the format version, the model hash, the recipe and every text.</summary>
    public static string KeyOf(SentenceEncoder encoder, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(texts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { Version, encoder.ModelSha256, encoder.Recipe })
            Append(hash, part);
        foreach (var text in texts)
            Append(hash, text);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Why the cache cannot be used, or null when it can; "rebuilt" says what happens next.
    static string? Check(string file, string sidecar, string key, int count, int dimension)
    {
        var why = VerifiedCacheFile.Check<Entry>(file, sidecar,
            entry => entry.Format != Version || entry.Key != key ? $"the cache record {sidecar} is for another model, recipe or corpus"
                : entry.Count != count || entry.Dimension != dimension ? $"the cache record says ({entry.Count}, {entry.Dimension}); expected ({count}, {dimension})"
                : null,
            entry => entry.FileSha256, out _);
        return why is null or "no cache yet" ? why : why + ": rebuilt";
    }

    static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }

    sealed record Entry(string Format, string Key, string ModelSha256, string Recipe, int Count, int Dimension, string FileSha256);
}

/// <summary>Embeddings of a corpus, from the cache or freshly encoded.</summary>
/// <param name="Vectors">Unit vectors float32 (N, D).</param>
/// <param name="File">The cache file.</param>
/// <param name="FromCache">True when read from a valid cache.</param>
/// <param name="RebuiltBecause">Why the texts were encoded (no cache yet, another model, a corrupt file), or null.</param>
/// <param name="Encoding">Throughput figures when encoded here, else null.</param>
public sealed record EmbeddingResult(VectorSet Vectors, string File, bool FromCache, string? RebuiltBecause, EncodedTexts? Encoding)
{
    /// <summary>
    /// One line for a report: "<paramref name="name"/>: 4,000 vectors read from the cache (file)", or "…: 4,000 texts
    /// (3,990 distinct, 0 truncated at <paramref name="maxTokens"/> tokens) embedded in 6.1 s, 650 texts/s (why)".
    /// </summary>
    public string Describe(string name, int maxTokens) => Encoding is not { } e
        ? string.Create(CultureInfo.InvariantCulture, $"{name}: {Vectors.Count:N0} vectors read from the cache ({Path.GetFileName(File)})")
        : string.Create(CultureInfo.InvariantCulture,
            $"{name}: {Vectors.Count:N0} texts ({e.Distinct:N0} distinct, {e.Truncated:N0} truncated at {maxTokens} tokens) embedded in {e.Elapsed.TotalSeconds:F1} s, {e.Distinct / e.Elapsed.TotalSeconds:F0} texts/s ({RebuiltBecause})");
}
