using Nvf.Core.Pipeline;

namespace Nvf.Core.Configs;

/// <summary>
/// How to fine-tune soft attention and the reranker together after separate training
/// (fixtures/configs/nvf-joint.*.json): the seed's open question "jointly or separately?".
/// </summary>
/// <param name="Name">The config's file name (part of the trained-model memo key).</param>
/// <param name="Epochs">Passes over the fine-tuning queries.</param>
/// <param name="BatchSize">Queries per Adam step.</param>
/// <param name="LearningRate">Adam's step size for both stages.</param>
/// <param name="TrainingQueries">Fresh uniformly random unit queries labelled with their exact nearest neighbour.</param>
/// <param name="ValidationQueries">Held-out queries whose pipeline Top-1 picks the epoch kept (epoch 0: the separate state).</param>
/// <param name="Patience">Epochs without a better validation Top-1 before stopping; 0 runs every epoch.</param>
/// <param name="Relaxation">The differentiable Top-K that carries the reranker's loss into soft attention.</param>
/// <param name="RelaxationTemperature">Softmax temperature of the relaxation (on soft attention's logits).</param>
/// <param name="SoftAttentionLossWeight">Weight of soft attention's own cross-entropy in the joint loss (keeps its Top-K coverage).</param>
/// <param name="Seed">Seed of the queries, the batch order, dropout and Gumbel noise.</param>
/// <param name="TorchThreads">libtorch intra-op threads; results are deterministic for a fixed count.</param>
public sealed record JointFineTuneConfig(
    string Name,
    int Epochs,
    int BatchSize,
    double LearningRate,
    int TrainingQueries,
    int ValidationQueries,
    int Patience,
    TopKRelaxation Relaxation,
    double RelaxationTemperature,
    double SoftAttentionLossWeight,
    ulong Seed,
    int TorchThreads)
{
    /// <summary>Loads and checks a config file; a <see cref="ConfigException"/> names the file and the field at fault.</summary>
    public static JointFineTuneConfig Load(string path)
    {
        var r = ConfigReader.Open(path);
        var config = new JointFineTuneConfig(
            r.File,
            r.Int("epochs", 1, 100000),
            r.Int("batchSize", 1, 1 << 20),
            r.Double("learningRate", 1e-12, 10),
            r.Int("trainingQueries", 1, 100_000_000),
            r.Int("validationQueries", 1, 10_000_000),
            r.Int("patience", 0, 100000),
            r.Enum<TopKRelaxation>("relaxation"),
            r.Double("relaxationTemperature", 1e-6, 1e6),
            r.Double("softAttentionLossWeight", 0, 1e6),
            r.Seed("seed"),
            r.Int("torchThreads", 1, 1024));
        r.RejectUnknownFields();
        return config;
    }
}
