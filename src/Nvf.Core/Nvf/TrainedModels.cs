using System.Collections.Concurrent;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Training;

namespace Nvf.Core.Nvf;

/// <summary>
/// A memo of databases and trained models, keyed by the data (generator and seed) and the full config, so that every
/// scenario sharing a Background trains each distinct (data, config) once per run: the gate keeps one per run
/// (run-scoped, cleared when the run ends), not per process. Concurrent callers of the same key wait for one training.
/// Memoised models are shared: callers must not train or dispose them (joint fine-tuning copies).
/// </summary>
public class TrainedModels
{
    private readonly ConcurrentDictionary<string, Lazy<object>> Entries = new(StringComparer.Ordinal);

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
    /// Soft attention trained on <paramref name="database"/> with <paramref name="config"/>, once per process;
    /// <paramref name="progress"/> (not part of the key) hears of the epochs when this call trains.
    /// </summary>
    public TrainedSoftAttention SoftAttention(NvfDatabase database, SoftAttentionConfig config, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(config);
        return Get($"soft-attention | {database.Key} | {config}", () => SoftAttentionTrainer.Train(database, config, progress));
    }

    /// <summary>
    /// A <paramref name="design"/> reranker trained on <paramref name="softAttention"/>'s candidates with
    /// <paramref name="config"/>, once per process; <paramref name="progress"/> (not part of the key) hears
    /// of the epochs when this call trains.
    /// </summary>
    public TrainedReranker Reranker(TrainedSoftAttention softAttention, RerankerDesign design, RerankerConfig config, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(config);
        return Get($"reranker {design} | {softAttention.Database.Key} | {softAttention.Config} | {config}", () => RerankerTrainer.Train(softAttention, design, config, progress));
    }

    /// <summary>
    /// Joint fine-tuning of <paramref name="separate"/> with <paramref name="config"/>, once per process;
    /// <paramref name="progress"/> (not part of the key) hears of the epochs when this call trains.
    /// </summary>
    public JointFineTuneResult Joint(TrainedReranker separate, JointFineTuneConfig config, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(separate);
        ArgumentNullException.ThrowIfNull(config);
        var key = $"joint | {separate.Model.Design} | {separate.SoftAttention.Database.Key} | {separate.SoftAttention.Config} | {separate.Config} | {config}";
        return Get(key, () => JointFineTuner.FineTune(separate, config, progress));
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
