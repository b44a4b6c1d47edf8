using Nvf.Core.Data;
using Nvf.Core.Provenance;

namespace Nvf.Core.Artifacts;

/// <summary>
/// Everything the InfoNCE gate reads: the payload (what the index holds), the eval set, how truth
/// keys find payload rows, which rows are exact duplicates, the article split (for leakage) and the
/// training samples. Generated (<see cref="GeneratedGateData"/>) or read from a researcher's files
/// (<see cref="FileGateData"/>); the same checks run on either.
/// </summary>
public sealed class GateData
{
    /// <summary>One line saying where the data came from (generator and seed, or files).</summary>
    public required string Source { get; init; }

    /// <summary>
    /// Payload vectors float32 (N, D); row r is index id r. A researcher's float32 .npy is read in place
    /// (<see cref="Data.NumPy.NpyRowFile"/>): the plumbing checks, the controls and retrieval read the rows they
    /// need and scan the rest a block at a time.
    /// </summary>
    public required IVectorRows PayloadRows
    {
        get => payloadRows;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            payloadRows = value;
            wholePayload = new Lazy<VectorSet>(() =>
            {
                var whole = value.ToVectorSet();
                if (!ReferenceEquals(whole, value))
                    Interlocked.Exchange(ref payloadReadWhole, 1);
                return whole;
            });
        }
    }

    /// <summary>
    /// The whole payload in memory, read on first use (and held from then on) by the work that needs every row at once:
    /// building an index when none is given, training a payload tower, the Qdrant double. <see cref="PayloadReadWhole"/>
    /// says whether this happened for a payload read in place.
    /// </summary>
    public VectorSet Payload => wholePayload.Value;

    /// <summary>True once a payload read in place has been copied whole into memory by <see cref="Payload"/>.</summary>
    public bool PayloadReadWhole => Volatile.Read(ref payloadReadWhole) == 1;

    private IVectorRows payloadRows = null!;
    private Lazy<VectorSet> wholePayload = null!;
    private int payloadReadWhole;

    /// <summary>The eval set: contexts (M, C, D), targets (M, D), truth keys (M).</summary>
    public required EvalSet Eval { get; init; }

    /// <summary>The eval .npz on disk (written here for generated data), for provenance.</summary>
    public required string EvalFile { get; init; }

    /// <summary>Key of each payload row and back.</summary>
    public required PayloadKeyMap Keys { get; init; }

    /// <summary>For each payload row, the first row with identical bytes (itself when unique).</summary>
    public required int[] FirstCopyOf { get; init; }

    /// <summary>Articles trained on and evaluated on (leakage = eval articles also trained on), or null when unknown.</summary>
    public required ArticleSplit? Split { get; init; }

    /// <summary>Training samples with aligned targets, or null when none were given.</summary>
    public required EvalSet? Training { get; init; }

    /// <summary>
    /// Where the gate may keep what it derives from this data deterministically (the payload index): a path prefix beside
    /// the generated payload's cache file; null for a researcher's files (their folder is theirs).
    /// </summary>
    public string? DerivedFilesPrefix { get; init; }

    /// <summary>
    /// A key of everything the data holds (payload, eval and training samples), for what is cached by content across runs
    /// (trained InfoNCE models): the generated data's cache key; null for a researcher's files, which are not hashed.
    /// </summary>
    public string? ContentKey { get; init; }

    /// <summary>A .faiss index file over the payload to use instead of building one, or null.</summary>
    public required string? IndexFile { get; init; }

    /// <summary>Generators and seeds behind generated data (empty for files).</summary>
    public required IReadOnlyList<GeneratorInfo> Generators { get; init; }

    /// <summary>Data files read or written (payload, eval, index, keys, training).</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>True when rows <paramref name="a"/> and <paramref name="b"/> hold bit-identical vectors (<see cref="ExactDuplicates.AreCopies"/>).</summary>
    public bool AreDuplicates(long a, long b) => ExactDuplicates.AreCopies(FirstCopyOf, a, b);

    /// <summary>Payload row of each eval sample's truth key (-1 when the key map has no such key).</summary>
    public int[] EvalRows(IReadOnlyList<TruthKey>? keys = null) => (keys ?? Eval.TruthKeys).Select(Keys.RowOf).ToArray();
}
