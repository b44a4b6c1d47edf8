using Nvf.Core.Configs;

namespace Nvf.Core.RealData;

/// <summary>
/// The seed's Task 2 option A on WordNet (fixtures/configs/real-wordnet.json): which synsets' definitions go into the
/// store, how their usage examples split into training and held-out queries, how many other synsets' examples join the
/// training log (real queries whose only label is the store's answer), and what the store logs.
/// </summary>
/// <param name="Name">The config's file name.</param>
/// <param name="StoreSynsets">Synsets (with a usage example) whose definitions are the store's documents.</param>
/// <param name="HeldOutShare">Share of their usage examples held out for evaluation (never in training).</param>
/// <param name="ExtraTrainingQueries">Usage examples of synsets not in the store, added to the training log.</param>
/// <param name="RerankerShare">Share of the training log the reranker learns from (soft attention learns from the rest).</param>
/// <param name="Seed">Seed of every draw.</param>
/// <param name="LogK">Results the store logs per query (at least the reranker's candidates).</param>
/// <param name="SearchBatch">Queries per store search call.</param>
public sealed record WordNetTaskConfig(string Name, int StoreSynsets, double HeldOutShare, int ExtraTrainingQueries, double RerankerShare, ulong Seed, int LogK, int SearchBatch)
{
    /// <summary>Loads and checks a config; a <see cref="ConfigException"/> names the file and the field at fault.</summary>
    public static WordNetTaskConfig Load(string path)
    {
        var r = ConfigReader.Open(path);
        var config = new WordNetTaskConfig(
            r.File,
            r.Int("storeSynsets", 10, 32_923),
            r.Double("heldOutShare", 0.01, 0.99),
            r.Int("extraTrainingQueries", 0, 48_339),
            r.Double("rerankerShare", 0.01, 0.99),
            r.Seed("seed"),
            r.Int("logK", 1, 1000),
            r.Int("searchBatch", 1, 1_000_000));
        r.RejectUnknownFields();
        return config;
    }
}
