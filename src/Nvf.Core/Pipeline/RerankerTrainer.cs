using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Training;
using Nvf.Torch;
using Nvf.Torch.Optim;

namespace Nvf.Core.Pipeline;

/// <summary>
/// Trains a reranker separately, as the seed's training strategy: the frozen soft attention gives
/// each fresh query its Top-K; queries whose label is among them become (query, candidates,
/// correct index) examples; a K-way cross-entropy is minimised with Adam; a validation split picks
/// the epoch whose state is kept.
/// </summary>
public static class RerankerTrainer
{
    /// <summary>Trains a <paramref name="design"/> reranker on <paramref name="softAttention"/>'s candidates; <paramref name="progress"/> (optional) hears of each epoch.</summary>
    public static TrainedReranker Train(TrainedSoftAttention softAttention, RerankerDesign design, RerankerConfig config, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(config);
        var queries = QuerySetGenerator.UniformNearestNeighbour(softAttention.Database.Vectors, config.TrainingQueries, QueryStreams.Seed(config.Seed, QueryStream.RerankerTraining));
        return Train(softAttention, design, config, queries, progress);
    }

    /// <summary>
    /// Trains a <paramref name="design"/> reranker on <paramref name="softAttention"/>'s candidates for given
    /// labelled <paramref name="queries"/> (labels = database rows, e.g. a vector store's answers read from a
    /// query log) instead of generated ones; config.TrainingQueries is not used. <paramref name="progress"/>
    /// (optional) hears of each epoch.
    /// </summary>
    public static TrainedReranker Train(TrainedSoftAttention softAttention, RerankerDesign design, RerankerConfig config, QuerySet queries, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(config);
        var database = softAttention.Database;
        LabelledQueries.Check(database, queries);
        TorchRuntime.NumThreads = config.TorchThreads;
        using var tensors = new QueryTensors(queries);
        using var candidates = CandidateSet.Build(softAttention.Model, database, tensors, config.CandidateCount);

        var usable = Enumerable.Range(0, candidates.Count).Where(q => candidates.LabelPositions[q] >= 0).ToArray();
        var split = ValidationSplit.Make(usable.Length, config.ValidationFraction, config.Seed);
        var training = split.Training.Select(i => usable[i]).ToArray();
        using var validationRows = QueryTensors.Index(split.Validation.Select(i => usable[i]).ToArray()).DetachFromDisposeScope(); // (V) int64
        using var validationTargets = candidates.Positions.IndexSelect(0, validationRows).DetachFromDisposeScope();               // (V)

        using var generator = new Generator(config.Seed);
        var model = Reranker.Create(design, database.Dimension, config, generator);
        using var optimizer = new Adam(model.Parameters(), lr: config.LearningRate);
        using var stopping = new EarlyStopping(model, config.Patience);
        var curve = MinibatchLoop.Run(
            $"{ConfigReader.Kebab(design.ToString())} reranker ({config.Name})",
            training,
            config.BatchSize,
            config.MaxEpochs,
            config.Seed,
            batch => OptimizerStep.Run(optimizer, () =>
            {
                var rows = QueryTensors.Index(batch);
                return Scores(model, candidates, database, rows).CrossEntropy(candidates.Positions.IndexSelect(0, rows));
            }),
            () => Accuracy(model, candidates, database, validationRows, validationTargets),
            stopping,
            progress);
        model.Eval();
        return new TrainedReranker(model, softAttention, config, curve, usable.Length);
    }

    /// <summary>Reranker scores float32 (B, K) for the queries at <paramref name="rows"/> (int64 (B)) of <paramref name="candidates"/>.</summary>
    public static Tensor Scores(Reranker model, CandidateSet candidates, NvfDatabase database, Tensor rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(candidates);
        using var scope = new DisposeScope();
        var vectors = candidates.CandidateVectors(database, rows);                       // (B, K, D)
        var scores = model.Score(candidates.Queries.IndexSelect(0, rows), vectors, candidates.Logits.IndexSelect(0, rows));
        return scope.MoveOut(scores);
    }

    /// <summary>Share of the queries at <paramref name="rows"/> (int64 (V)) whose best-scored candidate is at <paramref name="targets"/> (eval mode, no gradient); restores training mode.</summary>
    private static double Accuracy(Reranker model, CandidateSet candidates, NvfDatabase database, Tensor rows, Tensor targets)
    {
        model.Eval();
        try
        {
            using var noGrad = new NoGradScope();
            using var scope = new DisposeScope();
            var predicted = Scores(model, candidates, database, rows).ArgMax(1);          // (V)
            var hits = predicted.Eq(targets).To(DType.Int64).Sum().ToInt64();
            return (double)hits / rows.Size(0);
        }
        finally
        {
            model.Train();
        }
    }
}
