using Nvf.Core.Pipeline;

namespace Nvf.Core.Configs;

/// <summary>
/// How to train NVF soft attention (fixtures/configs/nvf-soft-attention.*.json). The seed's
/// Phase 1 set-up: query MLP dim-128-dim, learnable temperature 0.1, 50 epochs on 50,000 queries,
/// Adam 1e-3, batch 256 (DESIGN.md "What the seeds mean in numbers").
/// </summary>
/// <param name="Name">The config's file name (part of the trained-model memo key).</param>
/// <param name="Hidden">Width of the query MLP's hidden layer.</param>
/// <param name="InitialTemperature">Starting value of the learnable temperature (logits = cosine / temperature).</param>
/// <param name="Epochs">Passes over the training queries.</param>
/// <param name="BatchSize">Queries per Adam step.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="TrainingQueries">Number of uniformly random unit training queries, labelled with their exact nearest neighbour.</param>
/// <param name="Loss">The training loss.</param>
/// <param name="Seed">Seed of the weights, the training queries and the batch order.</param>
/// <param name="TorchThreads">libtorch intra-op threads; results are deterministic for a fixed count.</param>
public sealed record SoftAttentionConfig(
    string Name,
    int Hidden,
    double InitialTemperature,
    int Epochs,
    int BatchSize,
    double LearningRate,
    int TrainingQueries,
    SoftAttentionLoss Loss,
    ulong Seed,
    int TorchThreads)
{
    /// <summary>Loads and checks a config file; a <see cref="ConfigException"/> names the file and the field at fault.</summary>
    public static SoftAttentionConfig Load(string path)
    {
        var r = ConfigReader.Open(path);
        var config = new SoftAttentionConfig(
            r.File,
            r.Int("hidden", 1, 65536),
            r.Double("initialTemperature", 1e-6, 1e6),
            r.Int("epochs", 1, 100000),
            r.Int("batchSize", 1, 1 << 20),
            r.Double("learningRate", 1e-12, 10),
            r.Int("trainingQueries", 1, 100_000_000),
            r.Enum<SoftAttentionLoss>("loss"),
            r.Seed("seed"),
            r.Int("torchThreads", 1, 1024));
        r.RejectUnknownFields();
        return config;
    }
}
