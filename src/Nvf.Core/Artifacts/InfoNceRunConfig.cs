using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;

namespace Nvf.Core.Artifacts;

/// <summary>
/// One InfoNCE gate run (fixtures/configs/infonce-*.json): the generated data, the retrieval
/// settings and the training hyper-parameters. A researcher's files replace the generated data
/// when <see cref="ArtifactSources"/> names them.
/// </summary>
/// <param name="Name">The config's file name.</param>
/// <param name="Data">What to generate when no artifact files are given.</param>
/// <param name="Targets">Aligned targets, or the shuffled-target negative control.</param>
/// <param name="Retrieval">Index and check settings.</param>
/// <param name="Training">Training hyper-parameters.</param>
public sealed record InfoNceRunConfig(string Name, GeneratedDataSpec Data, TrainingTargets Targets, RetrievalSettings Retrieval, InfoNceSettings Training)
{
    /// <summary>Loads and checks <paramref name="path"/>; a <see cref="ConfigException"/> names the file and the field at fault.</summary>
    public static InfoNceRunConfig Load(string path)
    {
        var r = ConfigReader.Open(path);
        var data = new GeneratedDataSpec(
            r.Int("articles", 2),
            r.Int("chunksPerArticle", 7, 100_000),
            r.Int("contextLength", 1, 64),
            r.Double("duplicateShare", 0, 0.5),
            r.Double("evalShare", 1e-6, 0.999999),
            r.Double("leakage", 0, 1),
            r.Int("evalSamples", 2),
            r.Int("trainingSamples", 1),
            r.Seed("dataSeed"));
        var targets = r.Enum<TrainingTargets>("trainingTargets");
        var retrieval = new RetrievalSettings(
            r.Int("nprobe", 1), r.Int("topK", 5, 2048), r.Int("oracleQueries", 1), r.Int("alignmentSamples", 1), r.Int("controlRows", 100), r.Seed("indexSeed"), r.Enum<IndexFault>("indexFault"));
        var training = new InfoNceSettings(
            r.Double("temperature", 1e-4, 100),
            r.Int("microBatch", 2),
            r.Int("accumulationSteps", 1),
            r.Double("articleDropout", 0, 0.999),
            r.Double("spanCorruption", 0, 1),
            r.Double("learningRate", 1e-9, 1),
            r.Int("width", 1, 8192),
            r.Int("heads", 1, 256),
            r.Int("mlpHidden", 1, 65536),
            r.Int("payloadHidden", 1, 65536),
            r.Int("projectionWidth", 1, 65536),
            r.Double("v1InfoNceWeight", 0, 1),
            r.Seed("trainingSeed"),
            r.Int("torchThreads", 1, 1024));
        r.RejectUnknownFields();
        if (training.Width % training.Heads != 0)
            throw new ConfigException($"{r.File}: field 'width' is {training.Width}; expected a multiple of 'heads' ({training.Heads})");
        if (data.ChunksPerArticle <= data.ContextLength)
            throw new ConfigException($"{r.File}: field 'chunksPerArticle' is {data.ChunksPerArticle}; expected more than 'contextLength' ({data.ContextLength}) so articles have next-chunk samples");
        return new InfoNceRunConfig(r.File, data, targets, retrieval, training);
    }
}
