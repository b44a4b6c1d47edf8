using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;

namespace Nvf.Core.Artifacts;

/// <summary>Reads <see cref="GateData"/> from a researcher's files (<see cref="ArtifactSources"/>); every error names the file and the array.</summary>
public static class FileGateData
{
    /// <summary>Loads the payload, eval set, key map and (if given) training samples; <paramref name="contextLength"/> is C of contexts (N, C, D).</summary>
    public static GateData Load(ArtifactSources sources, int contextLength)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var payload = NpyRowFile.Open(sources.PayloadPath, null, out var readWhole);
        var eval = EvalSet.Load(sources.EvalPath, contextLength, payload.Dimension);
        var keys = sources.PayloadKeysPath is null
            ? throw new ArtifactException(
                $"{Path.GetFileName(sources.EvalPath)}: truth_keys are (article, chunk) pairs, and nothing says which payload row holds each; " +
                "expected a key map .npy int (N, 2) in NVF_PAYLOAD_KEYS or the field 'payloadKeys'")
            : PayloadKeyMap.Load(sources.PayloadKeysPath, payload.Count);
        var training = sources.TrainingPath is null ? null : EvalSet.Load(sources.TrainingPath, contextLength, payload.Dimension);
        var split = training is null
            ? null
            : ArticleSplit.FromArticles(training.TruthKeys.Select(k => k.Article), eval.TruthKeys.Select(k => k.Article));
        var files = new[] { sources.PayloadPath, sources.EvalPath, sources.IndexPath, sources.PayloadKeysPath, sources.TrainingPath };
        return new GateData
        {
            Source = $"files ({sources.Origin}): payload {Path.GetFileName(sources.PayloadPath)} {payload.Count:N0} x {payload.Dimension} " +
                     (readWhole is null ? "(read in place)" : $"(read whole: {readWhole})"),
            PayloadRows = payload,
            Eval = eval,
            EvalFile = sources.EvalPath,
            Keys = keys,
            FirstCopyOf = ExactDuplicates.FirstCopyOf(payload),
            Split = split,
            Training = training,
            IndexFile = sources.IndexPath,
            Generators = [],
            Files = files.OfType<string>().ToArray(),
        };
    }
}
