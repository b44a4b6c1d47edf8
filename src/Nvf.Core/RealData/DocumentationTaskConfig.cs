using Nvf.Core.Artifacts;
using Nvf.Core.Configs;

namespace Nvf.Core.RealData;

/// <summary>
/// The Pure InfoNCE checks on a real payload (fixtures/configs/real-python-docs.json): which documentation folders are
/// the corpus, how articles split into eval and training (a clean split: no article in both), how many samples each
/// file holds, and the index and check settings of the seed.
/// </summary>
/// <param name="Name">The config's file name.</param>
/// <param name="Root">The corpus folder (default: Debian python3.11-doc's reStructuredText sources).</param>
/// <param name="Folders">Sub-folders of <paramref name="Root"/> read.</param>
/// <param name="Pattern">File pattern of an article ("*.rst.txt", "*.md").</param>
/// <param name="ContextLength">Chunks of context per sample (the seed: 5).</param>
/// <param name="EvalShare">Share of articles whose samples form the eval set.</param>
/// <param name="EvalSamples">Most eval samples kept (seeded draw).</param>
/// <param name="TrainingSamples">Most training samples kept (they serve the leakage measure).</param>
/// <param name="Seed">Seed of the split and the draws.</param>
/// <param name="Retrieval">The index and check settings (the seed's nprobe 64, top 50, 1,000 oracle queries, 100 alignment samples).</param>
public sealed record DocumentationTaskConfig(string Name, string Root, IReadOnlyList<string> Folders, string Pattern, int ContextLength, double EvalShare, int EvalSamples, int TrainingSamples, ulong Seed, RetrievalSettings Retrieval)
{
    /// <summary>Loads and checks a config; a <see cref="ConfigException"/> names the file and the field at fault.</summary>
    public static DocumentationTaskConfig Load(string path)
    {
        var r = ConfigReader.Open(path);
        var config = new DocumentationTaskConfig(
            r.File,
            r.String("root"),
            r.Strings("folders"),
            r.String("pattern"),
            r.Int("contextLength", 1, 64),
            r.Double("evalShare", 0.01, 0.99),
            r.Int("evalSamples", 2),
            r.Int("trainingSamples", 1),
            r.Seed("seed"),
            new RetrievalSettings(r.Int("nprobe", 1), r.Int("topK", 5, 2048), r.Int("oracleQueries", 1), r.Int("alignmentSamples", 1), r.Int("controlRows", 100), r.Seed("indexSeed")));
        r.RejectUnknownFields();
        return config;
    }
}
