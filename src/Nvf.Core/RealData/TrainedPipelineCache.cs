using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Provenance;
using Nvf.Core.Nvf;
using Nvf.Core.Training;
using Nvf.Files;
using Nvf.Torch;

namespace Nvf.Core.RealData;

/// <summary>
/// Trained soft attention and reranker on disk, keyed by everything training is a function of: the database rows, the
/// training queries and their labels (both parts), both run configs, the reranker design and <see cref="CodeVersion"/>.
/// Training is deterministic for a fixed thread count on one machine (configs fix it), so a hit equals a fresh
/// training there; a file whose SHA-256 differs from its record, or a record of another key, is retrained.
/// </summary>
public static class TrainedPipelineCache
{
    /// <summary>Bump when training code changes what a config trains.</summary>
    public const string CodeVersion = "nvf-trained-pipeline v1";

    // A curve without validation holds NaN scores.
    static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The models from the cache when valid, else trained by <paramref name="train"/> and stored.</summary>
    /// <param name="folder">The cache folder (e.g. artifacts/cache/models).</param>
    /// <param name="name">A file-name stem ("wordnet").</param>
    /// <param name="database">The rows soft attention scores.</param>
    /// <param name="attentionQueries">Soft attention's training queries.</param>
    /// <param name="rerankerQueries">The reranker's training queries.</param>
    /// <param name="softAttention">Soft attention's config.</param>
    /// <param name="reranker">The reranker's config.</param>
    /// <param name="design">The reranker design.</param>
    /// <param name="train">Trains both when the cache cannot serve them.</param>
    public static (TrainedSoftAttention Attention, TrainedReranker Reranker, string Note) GetOrTrain(
        string folder, string name, NvfDatabase database, QuerySet attentionQueries, QuerySet rerankerQueries,
        SoftAttentionConfig softAttention, RerankerConfig reranker, RerankerDesign design,
        Func<(TrainedSoftAttention Attention, TrainedReranker Reranker)> train)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(train);
        var key = KeyOf(database, attentionQueries, rerankerQueries, softAttention, reranker, design);
        var dir = Path.Combine(folder, $"{name}-{key[..16]}");
        var record = Path.Combine(dir, "record.json");
        var (attentionFile, rerankerFile) = (Path.Combine(dir, "soft-attention.pt"), Path.Combine(dir, "reranker.pt"));
        var why = "no trained models cached yet";
        if (File.Exists(record))
        {
            try
            {
                var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(record), Json);
                why = entry is null || entry.Key != key ? "the cached models were trained on other data or configs"
                    : FileDigest.Sha256Of(attentionFile) != entry.AttentionSha256 || FileDigest.Sha256Of(rerankerFile) != entry.RerankerSha256 ? "a cached model file does not match its recorded SHA-256"
                    : null!;
                if (why is null)
                {
                    var (attention, rerank) = Load(entry!, database, softAttention, reranker, design, attentionFile, rerankerFile, rerankerQueries);
                    return (attention, rerank, $"trained models read from the cache {dir} (key {key[..16]})");
                }
            }
            catch (JsonException)
            {
                why = "the cache record is not valid JSON";
            }
        }

        var trained = train();
        Directory.CreateDirectory(dir);
        trained.Attention.Model.Save(attentionFile);
        trained.Reranker.Model.Save(rerankerFile);
        var written = new Entry(key, FileDigest.Sha256Of(attentionFile)!, FileDigest.Sha256Of(rerankerFile)!, Curve.Of(trained.Attention.Curve), Curve.Of(trained.Reranker.Curve), trained.Reranker.TrainingQueries);
        AtomicFile.Write(record, stream => JsonSerializer.Serialize(stream, written, Json));
        return (trained.Attention, trained.Reranker, $"trained here ({why}); stored in {dir}");
    }

    static (TrainedSoftAttention, TrainedReranker) Load(Entry entry, NvfDatabase database, SoftAttentionConfig softAttention, RerankerConfig reranker, RerankerDesign design,
        string attentionFile, string rerankerFile, QuerySet rerankerQueries)
    {
        using var generator = new Generator(softAttention.Seed);
        var attention = new SoftAttentionModel(database.Dimension, softAttention.Hidden, softAttention.InitialTemperature, generator);
        attention.Load(attentionFile);
        attention.Eval();
        var trainedAttention = new TrainedSoftAttention(attention, database, softAttention, entry.AttentionCurve.ToCurve());
        using var rerankerGenerator = new Generator(reranker.Seed);
        var model = Reranker.Create(design, database.Dimension, reranker, rerankerGenerator);
        model.Load(rerankerFile);
        model.Eval();
        return (trainedAttention, new TrainedReranker(model, trainedAttention, reranker, entry.RerankerCurve.ToCurve(), entry.RerankerTrainingQueries));
    }

    static string KeyOf(NvfDatabase database, QuerySet attention, QuerySet reranker, SoftAttentionConfig softAttention, RerankerConfig rerankerConfig, RerankerDesign design)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Text(string s) => hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        Text(CodeVersion);
        Text(string.Create(CultureInfo.InvariantCulture, $"{softAttention with { Name = "" }}"));
        Text(string.Create(CultureInfo.InvariantCulture, $"{rerankerConfig with { Name = "" }}"));
        Text(design.ToString());
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(database.Vectors.Data.AsSpan()));
        foreach (var set in new[] { attention, reranker })
        {
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(set.Queries.Data.AsSpan()));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(set.Labels.AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    sealed record Entry(string Key, string AttentionSha256, string RerankerSha256, Curve AttentionCurve, Curve RerankerCurve, int RerankerTrainingQueries);

    sealed record Curve(string Title, EpochRecord[] Epochs, int KeptEpoch, bool StoppedEarly)
    {
        public static Curve Of(TrainingCurve c) => new(c.Title, [.. c.Epochs], c.KeptEpoch, c.StoppedEarly);

        public TrainingCurve ToCurve()
        {
            var curve = new TrainingCurve(Title + " (from the cache)");
            foreach (var e in Epochs)
                curve.Add(e);
            curve.KeptEpoch = KeptEpoch;
            curve.StoppedEarly = StoppedEarly;
            return curve;
        }
    }
}
