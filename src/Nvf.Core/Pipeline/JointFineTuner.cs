using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Training;
using Nvf.Torch;
using Nvf.Torch.Optim;

namespace Nvf.Core.Pipeline;

/// <summary>
/// The seed's "then try joint if needed": starting from separately trained stages, fine-tunes
/// copies of both with one loss, the reranker's cross-entropy on the final answer (reaching soft
/// attention through a differentiable Top-K) plus soft attention's own cross-entropy. Pipeline
/// Top-1 on held-out validation queries picks the state kept (the separate state is epoch 0), so
/// fine-tuning reports honestly whether it helped without ever handing back a damaged pipeline.
/// </summary>
public static class JointFineTuner
{
    /// <summary>Fine-tunes copies of <paramref name="separate"/>'s two stages as <paramref name="config"/> says; <paramref name="progress"/> (optional) hears of each epoch.</summary>
    public static JointFineTuneResult FineTune(TrainedReranker separate, JointFineTuneConfig config, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(separate);
        ArgumentNullException.ThrowIfNull(config);
        TorchRuntime.NumThreads = config.TorchThreads;
        var original = separate.SoftAttention;
        var database = original.Database;
        var k = separate.Config.CandidateCount;

        using var init = new Generator(config.Seed);
        var softAttention = new SoftAttentionModel(database.Dimension, original.Config.Hidden, original.Config.InitialTemperature, init);
        softAttention.LoadStateDict(original.Model.StateDict());
        var reranker = Reranker.Create(separate.Model.Design, database.Dimension, separate.Config with { Seed = config.Seed }, init); // weights replaced below; dropout masks from this config's seed
        reranker.LoadStateDict(separate.Model.StateDict());
        reranker.Train();

        var pipeline = new JointPipelineModule(softAttention, reranker);
        var queries = QuerySetGenerator.UniformNearestNeighbour(database.Vectors, config.TrainingQueries, QueryStreams.Seed(config.Seed, QueryStream.JointTraining));
        var validation = QuerySetGenerator.UniformNearestNeighbour(database.Vectors, config.ValidationQueries, QueryStreams.Seed(config.Seed + 1, QueryStream.JointTraining));
        using var data = new QueryTensors(queries);
        using var noise = new Generator(config.Seed + 1);
        using var optimizer = new Adam(pipeline.Parameters(), lr: config.LearningRate);
        using var stopping = new EarlyStopping(pipeline, config.Patience);
        var tuned = new TrainedSoftAttention(softAttention, database, original.Config, new Training.TrainingCurve("joint"));
        var curve = MinibatchLoop.Run(
            $"joint fine-tuning ({config.Name})",
            Enumerable.Range(0, queries.Count).ToArray(),
            config.BatchSize,
            config.Epochs,
            config.Seed,
            batch => OptimizerStep.Run(optimizer, () =>
            {
                var rows = QueryTensors.Index(batch);
                var batchQueries = data.Queries.IndexSelect(0, rows);   // (B, D)
                var labels = data.Labels.IndexSelect(0, rows);          // (B)
                var (scores, indices) = EndToEndPipeline.Forward(softAttention, reranker, database.Tensor, batchQueries, k, config.Relaxation, config.RelaxationTemperature, noise);
                var positions = RerankLoss.Positions(indices, batch.Select(i => queries.Labels[i]).ToArray());
                var loss = RerankLoss.Masked(scores, positions);
                if (config.SoftAttentionLossWeight > 0)
                {
                    loss = loss + (config.SoftAttentionLossWeight * softAttention.Logits(batchQueries, database.Tensor).CrossEntropy(labels));
                }

                return loss;
            }),
            () =>
            {
                var top1 = PipelineEvaluator.Evaluate(tuned, reranker, validation, k).PipelineTop1!.Estimate;
                reranker.Train();
                return top1;
            },
            stopping,
            progress);
        softAttention.Eval();
        reranker.Eval();
        return new JointFineTuneResult(tuned with { Curve = curve }, reranker, separate, config, curve);
    }
}
