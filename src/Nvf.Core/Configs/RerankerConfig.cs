namespace Nvf.Core.Configs;

/// <summary>
/// How to train a reranker on the frozen soft attention's Top-K candidates
/// (fixtures/configs/nvf-reranker.*.json). The seed: hidden 128, dropout 0.1, 5-way cross-entropy,
/// 10% validation split with the best state restored, candidates of 100,000 fresh queries.
/// </summary>
/// <param name="Name">The config's file name (part of the trained-model memo key).</param>
/// <param name="Hidden">Width of the scoring MLP's first hidden layer.</param>
/// <param name="Dropout">Dropout probability in the scoring MLP, in [0, 1).</param>
/// <param name="CandidateCount">K, the number of soft-attention candidates the reranker chooses from.</param>
/// <param name="MaxEpochs">Upper bound on passes over the training split.</param>
/// <param name="Patience">Epochs without a better validation accuracy before stopping; 0 runs every epoch (the best state is restored either way).</param>
/// <param name="BatchSize">Queries (each with K candidates) per Adam step.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="TrainingQueries">Fresh uniformly random unit queries whose candidates make the training data (training + validation).</param>
/// <param name="ValidationFraction">Share of those queries held out for validation, in (0, 1).</param>
/// <param name="Seed">Seed of the weights, the queries, the split, dropout and the batch order.</param>
/// <param name="TorchThreads">libtorch intra-op threads; results are deterministic for a fixed count.</param>
public sealed record RerankerConfig(
    string Name,
    int Hidden,
    double Dropout,
    int CandidateCount,
    int MaxEpochs,
    int Patience,
    int BatchSize,
    double LearningRate,
    int TrainingQueries,
    double ValidationFraction,
    ulong Seed,
    int TorchThreads)
{
    /// <summary>Loads and checks a config file; a <see cref="ConfigException"/> names the file and the field at fault.</summary>
    public static RerankerConfig Load(string path)
    {
        var r = ConfigReader.Open(path);
        var config = new RerankerConfig(
            r.File,
            r.Int("hidden", 1, 65536),
            r.Double("dropout", 0, 0.99),
            r.Int("candidateCount", 2, 1000),
            r.Int("maxEpochs", 1, 100000),
            r.Int("patience", 0, 100000),
            r.Int("batchSize", 1, 1 << 20),
            r.Double("learningRate", 1e-12, 10),
            r.Int("trainingQueries", 10, 100_000_000),
            r.Double("validationFraction", 0.001, 0.9),
            r.Seed("seed"),
            r.Int("torchThreads", 1, 1024));
        r.RejectUnknownFields();
        return config;
    }
}
