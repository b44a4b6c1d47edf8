using System.Collections.Concurrent;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Core.Training;

namespace Nvf.Core.Pipeline;

/// <summary>
/// A memo of databases and trained models, keyed by the data (generator and seed) and the full config, so that every
/// scenario sharing a Background trains each distinct (data, config) once per run: the gate keeps one per run
/// (run-scoped, cleared when the run ends), not per process. Concurrent callers of the same key wait for one training.
/// Memoised models are shared: callers must not train or dispose them (joint fine-tuning copies).
/// Given a <see cref="TrainedModelStore"/>, trained models are also kept on disk and read back by later runs of the
/// same build on the same machine kind (keyed by the database rows, the configs and the code), each read said to the
/// caller's status.
/// </summary>
public class TrainedModels
{
    private readonly ConcurrentDictionary<string, Lazy<object>> Entries = new(StringComparer.Ordinal);

    /// <summary>Models memoised for the run only.</summary>
    public TrainedModels()
    {
    }

    /// <summary>Models memoised for the run and kept in <paramref name="store"/> across runs (null: the run only).</summary>
    public TrainedModels(TrainedModelStore? store) => this.store = new(store);

    /// <summary>Models memoised for the run and kept across runs in the store <paramref name="store"/> makes when a model is first asked for.</summary>
    protected TrainedModels(Func<TrainedModelStore?> store) => this.store = new(store);

    private readonly Lazy<TrainedModelStore?> store = new((TrainedModelStore?)null);

    /// <summary>The on-disk store trained models are read from and written to, or null.</summary>
    public TrainedModelStore? Store => store.Value;

    /// <summary>Keys built so far (for reports and tests), in no particular order.</summary>
    public IReadOnlyCollection<string> Keys => Entries.Keys.ToList();

    /// <summary>Forgets every model and database (their memory goes back when nothing else holds them).</summary>
    public void Clear() => Entries.Clear();

    /// <summary>The seed's random unit database, generated once per (count, dimension, seed).</summary>
    public NvfDatabase RandomUnitDatabase(int count, int dimension, ulong seed) =>
        Get($"database random-unit n={count} d={dimension} seed={seed}", () => NvfDatabase.RandomUnit(count, dimension, seed));

    /// <summary>The seed's clustered corpus and its database, generated once per (shape, noise, seed).</summary>
    public (ClusteredCorpus Corpus, NvfDatabase Database) ClusteredDatabase(int clusters, int perCluster, int dimension, double noise, ulong seed) =>
        Get(FormattableString.Invariant($"database clustered {clusters}x{perCluster} d={dimension} noise={noise} seed={seed}"), () =>
        {
            var corpus = ClusteredCorpusGenerator.Generate(clusters, perCluster, dimension, noise, seed);
            return (corpus, NvfDatabase.Clustered(corpus, seed));
        });

    /// <summary>
    /// Soft attention trained on <paramref name="database"/> with <paramref name="config"/>, once per run;
    /// <paramref name="progress"/> (not part of the key) hears of the epochs when this call trains,
    /// <paramref name="status"/> whether the model was read from the store or trained and stored.
    /// </summary>
    public TrainedSoftAttention SoftAttention(NvfDatabase database, SoftAttentionConfig config, IProgress<TrainingProgress>? progress = null, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(config);
        var description = $"soft-attention | {database.Key} | {config}";
        return Get(description, () => Stored(
            "soft-attention", description, [TrainedModelStore.Bytes(database.Vectors.Data)], status,
            () => SoftAttentionTrainer.Train(database, config, progress),
            stored => new TrainedSoftAttention(stored.Load("soft-attention", NewSoftAttention(database, config)), database, config, stored.Curve("soft-attention")),
            trained => (new Dictionary<string, Torch.Nn.Module> { ["soft-attention"] = trained.Model }, new Dictionary<string, TrainingCurve> { ["soft-attention"] = trained.Curve }, null)));
    }

    /// <summary>
    /// A <paramref name="design"/> reranker trained on <paramref name="softAttention"/>'s candidates with
    /// <paramref name="config"/>, once per run; <paramref name="progress"/> (not part of the key) hears
    /// of the epochs when this call trains.
    /// </summary>
    public TrainedReranker Reranker(TrainedSoftAttention softAttention, RerankerDesign design, RerankerConfig config, IProgress<TrainingProgress>? progress = null, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(config);
        var database = softAttention.Database;
        var description = $"reranker {design} | {database.Key} | {softAttention.Config} | {config}";
        return Get(description, () => Stored(
            "reranker", description, [TrainedModelStore.Bytes(database.Vectors.Data)], status,
            () => RerankerTrainer.Train(softAttention, design, config, progress),
            stored => new TrainedReranker(
                stored.Load("reranker", NewReranker(design, database, config, config.Seed)), softAttention, config, stored.Curve("reranker"), stored.Count("training-queries")),
            trained => (new Dictionary<string, Torch.Nn.Module> { ["reranker"] = trained.Model }, new Dictionary<string, TrainingCurve> { ["reranker"] = trained.Curve },
                new Dictionary<string, int> { ["training-queries"] = trained.TrainingQueries })));
    }

    /// <summary>
    /// Joint fine-tuning of <paramref name="separate"/> with <paramref name="config"/>, once per run;
    /// <paramref name="progress"/> (not part of the key) hears of the epochs when this call trains,
    /// <paramref name="status"/> whether the model was read from the store or trained and stored.
    /// </summary>
    public JointFineTuneResult Joint(TrainedReranker separate, JointFineTuneConfig config, IProgress<TrainingProgress>? progress = null, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(separate);
        ArgumentNullException.ThrowIfNull(config);
        var original = separate.SoftAttention;
        var database = original.Database;
        var description = $"joint | {separate.Model.Design} | {database.Key} | {original.Config} | {separate.Config} | {config}";
        return Get(description, () => Stored(
            "joint", description, [TrainedModelStore.Bytes(database.Vectors.Data)], status,
            () => JointFineTuner.FineTune(separate, config, progress),
            stored =>
            {
                var curve = stored.Curve("joint");
                var attention = new TrainedSoftAttention(stored.Load("soft-attention", NewSoftAttention(database, original.Config)), database, original.Config, curve);
                return new JointFineTuneResult(attention, stored.Load("reranker", NewReranker(separate.Model.Design, database, separate.Config, config.Seed)), separate, config, curve);
            },
            tuned => (new Dictionary<string, Torch.Nn.Module> { ["soft-attention"] = tuned.SoftAttention.Model, ["reranker"] = tuned.Reranker },
                new Dictionary<string, TrainingCurve> { ["joint"] = tuned.Curve }, null)));
    }

    // Trained by `train`, or read from the store when it holds the entry of this description and data; `status` hears which.
    T Stored<T>(
        string name, string description, IReadOnlyList<ReadOnlyMemory<byte>> data, IProgress<string>? status, Func<T> train, Func<StoredModels, T> load,
        Func<T, (Dictionary<string, Torch.Nn.Module> Modules, Dictionary<string, TrainingCurve> Curves, Dictionary<string, int>? Counts)> parts)
    {
        if (Store is null)
            return train();
        var (value, note) = Store.GetOrTrain(name, description, data, train, load, parts);
        status?.Report(note);
        return value;
    }

    /// <summary>An untrained soft attention model of <paramref name="config"/>'s shape, for stored weights to be loaded into.</summary>
    internal static SoftAttentionModel NewSoftAttention(NvfDatabase database, SoftAttentionConfig config)
    {
        using var generator = new Torch.Generator(config.Seed);
        return new SoftAttentionModel(database.Dimension, config.Hidden, config.InitialTemperature, generator);
    }

    /// <summary>
    /// An untrained <paramref name="design"/> reranker of <paramref name="config"/>'s shape, for stored weights to be loaded
    /// into; its dropout masks come from <paramref name="seed"/> (its training config's, or the joint config's for a fine-tuned copy).
    /// </summary>
    internal static Reranker NewReranker(RerankerDesign design, NvfDatabase database, RerankerConfig config, ulong seed)
    {
        using var generator = new Torch.Generator(seed);
        return Pipeline.Reranker.Create(design, database.Dimension, config with { Seed = seed }, generator);
    }

    private T Get<T>(string key, Func<T> create)
        where T : notnull
    {
        var entry = Entries.GetOrAdd(key, _ => new Lazy<object>(() => create(), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)entry.Value;
        }
        catch
        {
            // A failed training is not cached: the next caller retries rather than seeing a stale error.
            Entries.TryRemove(new KeyValuePair<string, Lazy<object>>(key, entry));
            throw;
        }
    }
}
