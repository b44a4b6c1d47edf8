using System.Diagnostics;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.Index;
using Nvf.Core.Retrieval;
using Nvf.Faiss;

namespace Nvf.Core.InfoNce;

// Retrieval over the workspace's indexes: IVF search (with per-query results), the nprobe sweep, the flat ablation, and
// the truth each search is judged against. The indexes, models and caches are in InfoNceWorkspace.cs.
public sealed partial class InfoNceWorkspace
{
    /// <summary>
    /// Retrieval of <paramref name="predictions"/> (N, D) from <paramref name="index"/>: R@5 against the
    /// eval truth rows, Contain@50 counting exact duplicates; through <paramref name="fault"/> when one is set.
    /// </summary>
    /// <remarks>
    /// A search already made (the same index object at the same nprobe, the same predictions object, top-k and fault) is
    /// not made again: the nprobe sweep's last point is the measurement's own search at the session's nprobe. FAISS's
    /// search is deterministic, so the figures are the same; the report keeps the first search's time.
    /// </remarks>
    public RetrievalReport Search(FaissIndex index, string description, VectorSet predictions, int topK, IndexFault fault = IndexFault.None)
    {
        ArgumentNullException.ThrowIfNull(index);
        var made = (index, index.ListCount > 0 ? index.Nprobe : 0, predictions, topK, fault);
        if (searches.TryGetValue(made, out var known))
            return known with { IndexDescription = description + (fault == IndexFault.StaleRowOrder ? StaleNote : "") };
        return searches[made] = SearchOnce(index, description, predictions, topK, fault);
    }

    // What a search through the stale-index fault adds to the index's description.
    private const string StaleNote = " — STALE: built from the payload in an earlier row order";

    private RetrievalReport SearchOnce(FaissIndex index, string description, VectorSet predictions, int topK, IndexFault fault)
    {
        using var threads = EveryCoreForSearch();
        var (rows, sameVector) = evalTruth ??= EvalTruth();
        return fault switch
        {
            IndexFault.None => RetrievalEvaluator.Evaluate(index, description, predictions, rows, sameVector, topK),
            IndexFault.StaleRowOrder => RetrievalEvaluator.Evaluate(
                index, description + StaleNote, predictions, rows, sameVector, topK, StaleIds()),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "expected an index fault this harness knows"),
        };
    }

    /// <summary>
    /// Searches <paramref name="index"/> for <paramref name="predictions"/> (top <paramref name="topK"/>) and keeps every query's
    /// list: the retrieval report and the per-query results (rank of the truth, ids, scores, cosine to the truth).
    /// </summary>
    /// <param name="index">The index (its nprobe set by the caller).</param>
    /// <param name="description">What the index is, for the report.</param>
    /// <param name="predictions">One prediction per eval row.</param>
    /// <param name="topK">The list length.</param>
    /// <param name="header">What the per-query file is about.</param>
    public (RetrievalReport Report, PerQueryResults PerQuery) SearchPerQuery(FaissIndex index, string description, VectorSet predictions, int topK, PerQueryHeader header)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(predictions);
        using var threads = EveryCoreForSearch();
        var (rows, sameVector) = evalTruth ??= EvalTruth();
        var clock = Stopwatch.StartNew();
        var result = index.Search(predictions.Data, predictions.Dimension, topK);
        var report = RetrievalEvaluator.Evaluate(result, clock.Elapsed.TotalSeconds, description, rows, sameVector, topK);
        return (report, PerQueryResults.From(result, rows, sameVector, predictions, Data.Eval.Targets, header));
    }

    /// <summary>R@5 of <paramref name="predictions"/> at each nprobe of <see cref="NprobeSweep"/> the index has lists for, with the search time; the index's nprobe is restored.</summary>
    /// <param name="index">An IVF index.</param>
    /// <param name="description">What the index is.</param>
    /// <param name="predictions">One prediction per eval row.</param>
    /// <param name="topK">The list length.</param>
    /// <param name="fault">A planted index fault, or none.</param>
    public IReadOnlyList<(int Nprobe, RetrievalReport Report)> SweepNprobe(FaissIndex index, string description, VectorSet predictions, int topK, IndexFault fault = IndexFault.None)
    {
        ArgumentNullException.ThrowIfNull(index);
        var kept = index.Nprobe;
        var curve = new List<(int, RetrievalReport)>();
        try
        {
            foreach (var nprobe in NprobeSweep.Where(n => n <= index.ListCount))
            {
                index.Nprobe = nprobe;
                var report = Search(index, Text($"{description} at nprobe {nprobe}"), predictions, topK, fault);
                curve.Add((nprobe, report));
                Status?.Report(Text($"R@5 vs nprobe: nprobe {nprobe} of {NprobeSweep[^1]}, R@5 {report.RecallAt5.Estimate:P1} ({report.Seconds:F1} s)"));
            }
        }
        finally
        {
            index.Nprobe = kept;
        }

        return curve;
    }

    /// <summary>
    /// The flat-index ablation: exact inner product over the vectors the IVF index holds (a FAISS
    /// flat index over the payload; for the two-tower model, its P(payload) index probing every list,
    /// which is exhaustive) on the predictions of <paramref name="key"/> after <paramref name="epoch"/>.
    /// </summary>
    public RetrievalReport FlatRetrieval(ModelRunKey key, int epoch, ulong seed, int topK)
    {
        if (flat.TryGetValue((key, epoch, seed, topK), out var known))
            return known;
        var run = Train(key, epoch);
        var predictions = run.At(epoch).Predictions;
        RetrievalReport report;
        if (!run.HasPayloadTower)
        {
            report = ExactRetrieval(predictions, topK);
        }
        else
        {
            var derived = DerivedIndex(key, epoch);
            derived.Nprobe = derived.ListCount;
            report = Search(derived, Text($"P(payload), every one of {derived.ListCount} lists probed (exact)"), predictions, topK);
        }

        return flat[(key, epoch, seed, topK)] = report;
    }

    /// <summary>
    /// The flat ablation of any eval predictions float32 (N, D), e.g. a researcher's: exact inner product over the
    /// payload as it is held (in memory, or read in place a block of rows at a time; never a second copy in a flat index),
    /// R@5 and Contain@50 as for the IVF index.
    /// </summary>
    public RetrievalReport ExactRetrieval(VectorSet predictions, int topK)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        using var threads = EveryCoreForSearch();
        var (rows, sameVector) = evalTruth ??= EvalTruth();
        var clock = Stopwatch.StartNew();
        Status?.Report(Text($"flat ablation: exact inner product of {predictions.Count:N0} predictions over {Data.PayloadRows.Count:N0} payload vectors"));
        var result = BlockwiseExactSearch.InnerProduct(predictions, Data.PayloadRows, topK);
        return RetrievalEvaluator.Evaluate(result, clock.Elapsed.TotalSeconds, "Flat IP (exact)", rows, sameVector, topK);
    }

    /// <summary>
    /// R@5 of the same predictions at each nprobe of <see cref="NprobeSweep"/> (on a P(payload)
    /// index, the sweep's values themselves): how much the IVF approximation costs. Empty when the
    /// payload index is a file without lists.
    /// </summary>
    public IReadOnlyList<(int Nprobe, RetrievalReport Report)> RecallByNprobe(ModelRunKey key, int epoch, ulong seed, int topK, IndexFault fault = IndexFault.None)
    {
        if (sweeps.TryGetValue((key, epoch, seed, topK, fault), out var known))
            return known;
        var run = Train(key, epoch);
        var (index, description) = !run.HasPayloadTower ? (PayloadIndex(seed).Index, "payload index") : (DerivedIndex(key, epoch), "P(payload) index");
        return sweeps[(key, epoch, seed, topK, fault)] = SweepNprobe(index, description, run.At(epoch).Predictions, topK, !run.HasPayloadTower ? fault : IndexFault.None);
    }

    /// <summary>
    /// Searches use every core: OpenMP keeps its thread count per calling thread, and libtorch sets it on the thread
    /// that trains (1 or 2 by config, 1 for `nvf doctor`'s probe), which made a 5,244-query IVF search run on one
    /// core (41.9 s against Python FAISS's 20.9 s on two). A batch search is parallel over queries, each scanned
    /// alone, so its results do not depend on the thread count. Index building keeps the thread count it is given.
    /// Disposing the scope puts the thread's count back: libtorch reads the same OpenMP setting, and its results
    /// are deterministic only for the count its config set.
    /// </summary>
    public static IDisposable EveryCoreForSearch()
    {
        var previous = FaissRuntime.ThreadCount;
        FaissRuntime.ThreadCount = Environment.ProcessorCount;
        return new RestoreThreads(previous);
    }

    private sealed class RestoreThreads(int previous) : IDisposable
    {
        public void Dispose() => FaissRuntime.ThreadCount = previous;
    }

    // The id a stale index built from an earlier export (rows in a seeded random order) holds for each current row.
    private long[] StaleIds() => staleIds ??= new SeededRandom(StaleOrderSeed).Permutation(Data.PayloadRows.Count).Select(r => (long)r).ToArray();

    // The payload row of each eval target and the rows holding the same vector: the same for every search.
    private (long[] Rows, IReadOnlyList<IReadOnlySet<long>> SameVector) EvalTruth()
    {
        var rows = Data.EvalRows();
        if (rows.Any(r => r < 0))
            throw new ArtifactException($"{Path.GetFileName(Data.EvalFile)}: {rows.Count(r => r < 0)} truth keys name no payload row; expected every key in the payload key map");
        return (rows.Select(r => (long)r).ToArray(), ExactDuplicates.SameVectorSets(Data.FirstCopyOf, rows));
    }
}
