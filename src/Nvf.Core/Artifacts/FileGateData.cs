using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Faiss;

namespace Nvf.Core.Artifacts;

/// <summary>Reads <see cref="GateData"/> from a researcher's files (<see cref="ArtifactSources"/>); every error names the file and the array.</summary>
public static class FileGateData
{
    /// <summary>
    /// Loads the payload, eval set, key map and (if given) training samples, and checks that the index (if given) can be
    /// read and fits the payload (it is opened again when a check first searches it); <paramref name="contextLength"/> is
    /// C of contexts (N, C, D).
    /// </summary>
    public static GateData Load(ArtifactSources sources, int contextLength)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var payload = OpenPayload(sources.PayloadPath, out var readWhole);
        var (eval, keys, training) = ReadBesidePayload(sources, contextLength, payload.Count, payload.Dimension);
        CheckIndex(sources, payload);
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

    /// <summary>
    /// Reads the files <paramref name="sources"/> names as <see cref="Load"/> does and checks them (finite payload rows) and
    /// that they fit together (the eval's and training's width is the payload's, one key per payload row), without the
    /// work a run does on them (exact duplicates, an index): a command calls it to refuse unusable files in one line
    /// before a run starts. Throws <see cref="ArtifactException"/> or <see cref="NpyFormatException"/> naming the file, the
    /// array and what was expected.
    /// </summary>
    /// <returns>The eval set, for checks of files that answer it (predictions).</returns>
    public static EvalSet Check(ArtifactSources sources, int contextLength)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var payload = OpenPayload(sources.PayloadPath, out _);
        var eval = ReadBesidePayload(sources, contextLength, payload.Count, payload.Dimension).Eval;
        CheckIndex(sources, payload);
        return eval;
    }

    // An index FAISS cannot read, or that does not fit the payload, is said when the files are read, not by the first
    // check that searches it (where `nvf gate` showed the exception's type name).
    private static void CheckIndex(ArtifactSources sources, IVectorRows payload)
    {
        if (sources.IndexPath is { } index)
            OpenIndex(index, payload.Count, payload.Dimension).Dispose();
    }

    /// <summary>
    /// The researcher's index file over the payload, memory-mapped (<see cref="FaissIndex.ReadMapped"/>), checked to hold
    /// one vector per payload row of the payload's width. Throws <see cref="ArtifactException"/> naming the file when
    /// FAISS cannot read it or it does not fit the payload.
    /// </summary>
    public static FaissIndex OpenIndex(string path, int payloadRows, int dimension)
    {
        FaissIndex read;
        try
        {
            read = FaissIndex.ReadMapped(path);
        }
        catch (FaissException e)
        {
            throw new ArtifactException($"{path}: FAISS cannot read it as an index ({e.Message}); expected a file written by faiss.write_index", e);
        }

        if (read.Count != payloadRows || read.Dimension != dimension)
        {
            var (count, width) = (read.Count, read.Dimension);
            read.Dispose();
            throw new ArtifactException($"{path}: the index holds {count} vectors of dimension {width}; expected the payload's {payloadRows} x {dimension}");
        }

        return read;
    }

    // The payload's rows, every value finite: FAISS refuses a NaN or an infinity where it meets one (an index build, a
    // search), naming neither the file nor the fix; this names the first one's row and column in the file.
    private static IVectorRows OpenPayload(string path, out string? readWhole)
    {
        var payload = NpyRowFile.Open(path, null, out readWhole);
        if (payload.FirstNonFinite() is { } bad)
            throw new ArtifactException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}: row {bad.Row}, column {bad.Column} is {bad.Value}; expected finite vectors (every payload row is indexed)"));
        return payload;
    }

    // The eval set, key map and training samples, checked against the payload's row count and width.
    private static (EvalSet Eval, PayloadKeyMap Keys, EvalSet? Training) ReadBesidePayload(ArtifactSources sources, int contextLength, int payloadRows, int dimension)
    {
        var eval = EvalSet.Load(sources.EvalPath, contextLength, dimension);
        var keys = sources.PayloadKeysPath is null
            ? throw new ArtifactException(
                $"{Path.GetFileName(sources.EvalPath)}: truth_keys are (article, chunk) pairs, and nothing says which payload row holds each; " +
                "expected a key map .npy int (N, 2) in NVF_PAYLOAD_KEYS or the field 'payloadKeys'")
            : PayloadKeyMap.Load(sources.PayloadKeysPath, payloadRows);
        var training = sources.TrainingPath is null ? null : EvalSet.Load(sources.TrainingPath, contextLength, dimension);
        return (eval, keys, training);
    }
}
