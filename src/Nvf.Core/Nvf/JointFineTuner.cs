using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Training;
using Nvf.Torch;
using Nvf.Torch.Optim;

namespace Nvf.Core.Nvf;

/// <summary>
/// The seed's "then try joint if needed": starting from separately trained stages, fine-tunes
/// copies of both with one loss, the reranker's cross-entropy on the final answer (reaching soft
/// attention through a differentiable Top-K) plus soft attention's own cross-entropy.
/// </summary>
public static class JointFineTuner
{
    /// <summary>Fine-tunes copies of <paramref name="separate"/>'s two stages as <paramref name="config"/> says.</summary>
    public static JointFineTuneResult FineTune(TrainedReranker separate, JointFineTuneConfig config)
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
        var reranker = Reranker.Create(separate.Model.Design, database.Dimension, separate.Config, init);
        reranker.LoadStateDict(separate.Model.StateDict());
        reranker.Train();

        var queries = QuerySetGenerator.UniformNearestNeighbour(database.Vectors, config.TrainingQueries, QueryStreams.Seed(config.Seed, QueryStream.JointTraining));
        using var data = new QueryTensors(queries);
        using var noise = new Generator(config.Seed + 1);
        TorchRuntime.ManualSeed(config.Seed); // dropout
        using var optimizer = new Adam(softAttention.Parameters().Concat(reranker.Parameters()), lr: config.LearningRate);
        var curve = MinibatchLoop.Run(
            $"joint fine-tuning ({config.Name})",
            Enumerable.Range(0, queries.Count).ToArray(),
            config.BatchSize,
            config.Epochs,
            config.Seed,
            batch =>
            {
                using var scope = new DisposeScope();
                var rows = QueryTensors.Index(batch);
                var batchQueries = data.Queries.IndexSelect(0, rows);   // (B, D)
                var labels = data.Labels.IndexSelect(0, rows);          // (B)
                optimizer.ZeroGrad();
                var (scores, indices) = EndToEndPipeline.Forward(softAttention, reranker, database.Tensor, batchQueries, k, config.Relaxation, config.RelaxationTemperature, noise);
                var positions = RerankLoss.Positions(indices, batch.Select(i => queries.Labels[i]).ToArray());
                var loss = RerankLoss.Masked(scores, positions);
                if (config.SoftAttentionLossWeight > 0)
                {
                    loss = loss + (config.SoftAttentionLossWeight * softAttention.Logits(batchQueries, database.Tensor).CrossEntropy(labels));
                }

                loss.Backward();
                optimizer.Step();
                return loss.ToSingle();
            });
        softAttention.Eval();
        reranker.Eval();
        var tuned = new TrainedSoftAttention(softAttention, database, original.Config, curve);
        return new JointFineTuneResult(tuned, reranker, separate, config, curve);
    }
}
