using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Training;
using Nvf.Torch;
using Nvf.Torch.Optim;

namespace Nvf.Core.Pipeline;

/// <summary>
/// Trains soft attention as the seed's Phase 1: uniformly random unit queries labelled with their
/// exact nearest neighbour, Adam, minibatches in a seeded order, no validation (the seed has none).
/// </summary>
public static class SoftAttentionTrainer
{
    /// <summary>
    /// Trains a fresh model on <paramref name="database"/> as <paramref name="config"/> says; deterministic
    /// for a fixed config and thread count. <paramref name="progress"/> (optional) hears of each epoch.
    /// </summary>
    public static TrainedSoftAttention Train(NvfDatabase database, SoftAttentionConfig config, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(config);
        return Train(database, config, QuerySetGenerator.UniformNearestNeighbour(database.Vectors, config.TrainingQueries, QueryStreams.Seed(config.Seed, QueryStream.SoftAttentionTraining)), progress);
    }

    /// <summary>
    /// Trains a fresh model on given labelled <paramref name="queries"/> (labels = database rows, e.g. a
    /// vector store's answers read from a query log) instead of generated ones; config.TrainingQueries is not used.
    /// <paramref name="progress"/> (optional) hears of each epoch.
    /// </summary>
    public static TrainedSoftAttention Train(NvfDatabase database, SoftAttentionConfig config, QuerySet queries, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(config);
        LabelledQueries.Check(database, queries);
        TorchRuntime.NumThreads = config.TorchThreads;
        using var data = new QueryTensors(queries);
        using var generator = new Generator(config.Seed);
        var model = new SoftAttentionModel(database.Dimension, config.Hidden, config.InitialTemperature, generator);
        using var optimizer = new Adam(model.Parameters(), lr: config.LearningRate);
        var curve = MinibatchLoop.Run(
            $"soft attention ({config.Name}, {ConfigReader.Kebab(config.Loss.ToString())})",
            Enumerable.Range(0, queries.Count).ToArray(),
            config.BatchSize,
            config.Epochs,
            config.Seed,
            batch => OptimizerStep.Run(optimizer, () =>
            {
                var index = QueryTensors.Index(batch);
                var logits = model.Logits(data.Queries.IndexSelect(0, index), database.Tensor);           // (B, N)
                return SoftAttentionModel.Loss(logits, data.Labels.IndexSelect(0, index), config.Loss);
            }),
            progress: progress);
        model.Eval();
        return new TrainedSoftAttention(model, database, config, curve);
    }
}
