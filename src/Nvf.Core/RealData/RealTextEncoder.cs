using Nvf.Core.Configs;
using Nvf.Core.Text;

namespace Nvf.Core.RealData;

/// <summary>
/// The gate's sentence-transformer for real text: all-MiniLM-L6-v2 from its NuGet package, its files under
/// artifacts/models and its embeddings cached under artifacts/cache/embeddings (both keyed by content, both rebuilt
/// when damaged). One encoder per process, loaded on first use.
/// </summary>
public static class RealTextEncoder
{
    static readonly Lock Gate = new();
    static SentenceEncoder? encoder;

    /// <summary>&lt;repository&gt;/artifacts.</summary>
    public static string ArtifactsFolder => Path.GetFullPath(Path.Combine(ConfigDirectory.Find(), "..", "..", "artifacts"));

    /// <summary>Where embeddings are cached.</summary>
    public static string CacheFolder => Path.Combine(ArtifactsFolder, "cache", "embeddings");

    /// <summary>artifacts/cache/models: trained models kept across runs (<see cref="Training.TrainedModelStore"/>).</summary>
    public static string ModelCacheFolder => Path.Combine(ArtifactsFolder, "cache", "models");

    /// <summary>The encoder (2 intra-op threads: deterministic on one machine).</summary>
    public static SentenceEncoder Encoder
    {
        get
        {
            lock (Gate)
            {
                if (encoder is null)
                {
                    var (model, vocab) = MiniLmPackage.Extract(Path.Combine(ArtifactsFolder, "models", "all-MiniLM-L6-v2"));
                    encoder = new SentenceEncoder(model, vocab, threads: 2);
                }

                return encoder;
            }
        }
    }

    /// <summary>Embeds <paramref name="texts"/> through the cache; <paramref name="name"/> names the cache file.</summary>
    public static EmbeddingResult Embed(IReadOnlyList<string> texts, string name, IProgress<string>? progress = null) =>
        EmbeddingCache.Embed(Encoder, texts, name, CacheFolder, progress);
}
