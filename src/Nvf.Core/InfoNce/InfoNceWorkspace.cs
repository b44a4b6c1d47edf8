using System.Diagnostics;
using System.Globalization;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Index;
using Nvf.Core.Training;
using Nvf.Faiss;
using Nvf.Torch;

namespace Nvf.Core.InfoNce;

/// <summary>
/// Everything costly derived from one data set, built once per process and shared by every session
/// over it whatever its retrieval settings (nprobe, top-k, sample counts): the payload index, the
/// negative controls' indexes, each trained model and its predictions, the two-tower P(payload)
/// indexes and the flat ablations. Memoised by the parameters each depends on. Not thread-safe:
/// scenarios run one at a time.
/// Memory (docs/performance-and-memory.md): the payload (1.8 GB at 584,000 x 768) and its IVF index (1.8 GB) are the
/// floor. A P(payload) index is as large as the payload index, so only one is held at a time: each epoch of a
/// two-tower run keeps a copy of its payload tower's weights (1.6 MB), from which an evicted index is rebuilt,
/// identically, when asked for again. The flat ablation searches the payload array in place.
/// </summary>
public sealed partial class InfoNceWorkspace : IDisposable
{
    /// <summary>
    /// k-means iterations of every IVF coarse quantizer built here: 10, where FAISS defaults to 25.
    /// k-means over 40 x nlist points costs iterations x 40 x nlist² x D: at nlist 3,072 each
    /// iteration is ~5.8e11 flops (~10 CPU seconds), so 25 iterations made one 584,000-vector index
    /// cost ~5 CPU minutes. Oracle recall does not depend on the centroids (a self-query probes its
    /// own list); retrieval figures were measured at both settings (docs/infonce.md).
    /// </summary>
    public const int TrainingIterations = 10;

    /// <summary>
    /// A P(payload) index has this many times fewer lists than the payload index (nlist 1,024 for
    /// 584,000 vectors instead of 3,072), and is searched with nprobe divided by the same factor
    /// (21 for 64), so each query scans the same share of the vectors (~2.1%). k-means costs nlist²:
    /// a ninth of the payload index's k-means, a third of its adding.
    /// </summary>
    public const int DerivedListDivisor = 3;

    /// <summary>The nprobe values of the recall-vs-nprobe curve (capped at the index's nlist).</summary>
    public static readonly IReadOnlyList<int> NprobeSweep = [1, 2, 4, 8, 16, 32, 64];

    private readonly Dictionary<ulong, (string Description, double Seconds)> payloadIndexes = [];
    private readonly SpillingIndexCache<object> largeIndexes = new();
    private readonly Dictionary<(ModelRunKey Key, int Epoch), IReadOnlyDictionary<string, (float[] Values, long[] Shape)>> towerWeights = [];
    private readonly Dictionary<(ModelRunKey, int, ulong, int), RetrievalReport> flat = [];
    private readonly Dictionary<(ModelRunKey, int, ulong, int, IndexFault), IReadOnlyList<(int Nprobe, RetrievalReport Report)>> sweeps = [];
    private readonly Dictionary<TrainingTargets, EvalSet> trainingSets = [];
    private readonly Dictionary<ModelRunKey, ModelRun> runs = [];
    private long[]? staleIds;
    private (long[] Rows, IReadOnlyList<IReadOnlySet<long>> SameVector)? evalTruth;

    /// <summary>Wraps <paramref name="data"/>; indexes and models are built on first use.</summary>
    public InfoNceWorkspace(GateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    /// <summary>The data.</summary>
    public GateData Data { get; }

    /// <summary>Where long work (index building, encoding, search sweeps) reports what it does: the running scenario's progress, set by whoever opens a session; null for none.</summary>
    public IProgress<string>? Status { get; set; }

    /// <summary>Every model trained so far.</summary>
    public IEnumerable<ModelRun> Runs => runs.Values;

    /// <summary>
    /// The index over the payload (ids = rows): the researcher's .faiss file when given, else
    /// IVF-Flat inner product sized by <see cref="IvfSizing"/>, its k-means sample drawn by
    /// <paramref name="seed"/>. Built or read once; callers set nprobe before each search.
    /// </summary>
    public (FaissIndex Index, string Description, double Seconds) PayloadIndex(ulong seed)
    {
        var index = largeIndexes.Get(("payload", seed), () => OpenPayloadIndex(seed), Status);
        var (description, seconds) = payloadIndexes[seed];
        return (index, description, seconds);
    }

    // Reads the researcher's index file or builds IVF-Flat over the payload; records its description and time.
    private FaissIndex OpenPayloadIndex(ulong seed)
    {
        var clock = Stopwatch.StartNew();
        (FaissIndex, string) opened;
        if (Data.IndexFile is not null)
        {
            var read = FaissIndex.ReadMapped(Data.IndexFile);
            if (read.Count != Data.PayloadRows.Count || read.Dimension != Data.PayloadRows.Dimension)
            {
                var (count, dimension) = (read.Count, read.Dimension);
                read.Dispose();
                throw new ArtifactException($"{Data.IndexFile}: the index holds {count} vectors of dimension {dimension}; expected the payload's {Data.PayloadRows.Count} x {Data.PayloadRows.Dimension}");
            }

            opened = (read, $"{Path.GetFileName(Data.IndexFile)} ({read.Metric}{(read.ListCount > 0 ? Text($", nlist {read.ListCount}, lists memory-mapped") : ", exact")})");
        }
        else
        {
            FaissIndex Build() => IvfFlatBuilder.Build(Data.PayloadRows, FaissMetric.InnerProduct, seed, TrainingIterations, Status).Index;
            var built = Data.DerivedFilesPrefix is { } prefix
                ? CachedIndexFile.OpenOrBuild(Text($"{prefix}.ivf-flat-ip-seed{seed}-niter{TrainingIterations}.faiss"), Data.PayloadRows.Count, Data.PayloadRows.Dimension, Build, Status)
                : Build();
            opened = (built, Text($"IVF-Flat IP, nlist {built.ListCount}"));
        }

        payloadIndexes[seed] = (opened.Item2, clock.Elapsed.TotalSeconds);
        return opened.Item1;
    }

    /// <summary>
    /// A new index of an oracle-recall negative control over <paramref name="slice"/> (<see cref="ControlSlice"/>; never
    /// <see cref="OracleIndexVariant.Payload"/>), owned by the caller: a control is measured once per session, so
    /// its index is freed as soon as its result is known rather than held for the run.
    /// </summary>
    public FaissIndex BuildControlIndex(OracleIndexVariant variant, VectorSet slice, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (variant == OracleIndexVariant.Payload)
            throw new ArgumentOutOfRangeException(nameof(variant), variant, "expected a negative control; the payload index is PayloadIndex");
        return BuildIvf(slice, IvfSizing.ForCount(slice.Count).ListCount, seed, idOffset: variant == OracleIndexVariant.IdsShiftedByOne ? 1 : 0);
    }

    /// <summary>The payload rows a control indexes: the first <paramref name="rows"/>, scaled by random norms for the unnormalized control.</summary>
    public VectorSet ControlSlice(OracleIndexVariant variant, int rows, ulong seed) =>
        variant == OracleIndexVariant.UnnormalizedInnerProduct
            ? Sanity.NegativeControls.ScaledByRandomNorms(Data.PayloadRows, rows, seed)
            : Data.PayloadRows.Slice(0, rows);

    /// <summary>
    /// The run of <paramref name="key"/> trained through epoch <paramref name="epochs"/> (trained
    /// further if an earlier caller stopped sooner); <paramref name="progress"/> hears each quarter
    /// epoch. Throws <see cref="ArtifactException"/> when the data has no training samples.
    /// </summary>
    public ModelRun Train(ModelRunKey key, int epochs, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (!runs.TryGetValue(key, out var run))
        {
            var model = new InfoNceModel(key.Encoder, key.Objective, key.Settings, Data.Eval.ContextLength, Data.Eval.Dimension);
            runs[key] = run = new ModelRun(key, new InfoNceTraining(model, TrainingSet(key.Targets, key.Settings.Seed)));
        }

        while (run.Epochs.Count < epochs)
        {
            var record = run.Training.RunEpoch(progress, epochs);
            var predictions = run.Training.Predict(Data.Eval);
            var tower = run.Training.Model.Payload;
            var keys = tower is null ? Data.Eval.Targets : ModelInference.EncodePayload(tower, Data.Eval.Targets);
            run.Add(new TrainedEpoch(record.Epoch, record.TrainingLoss, run.Training.EpochSeconds[^1], run.Training.EpochCpuSeconds[^1], predictions, keys));
            if (tower is not null)
            {
                // P(payload) changes with every epoch: keep this epoch's tower weights; its index is built on first use.
                towerWeights[(key, record.Epoch)] = tower.StateDict().ToDictionary(p => p.Key, p => (p.Value.ToArray<float>(), p.Value.Shape.ToArray()));
            }
        }

        return run;
    }

    /// <summary>
    /// The index the predictions of <paramref name="key"/> after <paramref name="epoch"/> are retrieved
    /// from, with nprobe set from <paramref name="nprobe"/> (the payload index's setting): the payload
    /// index for a single tower, the P(payload) index of that epoch for the two-tower model.
    /// </summary>
    public (FaissIndex Index, string Description) RetrievalIndex(ModelRunKey key, int epoch, ulong seed, int nprobe)
    {
        ArgumentNullException.ThrowIfNull(key);
        var run = Train(key, epoch);
        if (run.Training.Model.Payload is null)
        {
            var (index, description, _) = PayloadIndex(seed);
            var probes = SetNprobe(index, nprobe);
            return (index, probes is null ? description : Text($"{description}, nprobe {probes}"));
        }

        var derived = DerivedIndex(key, epoch);
        var scaled = SetNprobe(derived, DerivedNprobe(nprobe))!;
        return (derived, Text($"IVF-Flat IP over P(payload), nlist {derived.ListCount}, nprobe {scaled} (the payload index's nprobe {nprobe} / {DerivedListDivisor})"));
    }

    /// <summary>nprobe on a P(payload) index for <paramref name="nprobe"/> on the payload index: divided by <see cref="DerivedListDivisor"/>, at least 1.</summary>
    public static int DerivedNprobe(int nprobe) => Math.Max(1, (int)Math.Round((double)nprobe / DerivedListDivisor));

    /// <summary>Frees every index and model.</summary>
    public void Dispose()
    {
        largeIndexes.Dispose();
        foreach (var run in runs.Values)
            run.Dispose();
    }

    private const ulong StaleOrderSeed = 0x5741_4c45;

    /// <summary>nlist of a P(payload) index: the payload index's sizing divided by <see cref="DerivedListDivisor"/>.</summary>
    private int DerivedListCount => Math.Max(1, IvfSizing.ForCount(Data.PayloadRows.Count).ListCount / DerivedListDivisor);

    // The P(payload) index of `key` after `epoch`: live, read back from its spill file, or built from that epoch's
    // tower weights (kept per epoch, so the index is the one the model had at that epoch).
    private FaissIndex DerivedIndex(ModelRunKey key, int epoch)
    {
        if (!towerWeights.TryGetValue((key, epoch), out var weights))
            throw new InvalidOperationException($"{key} has no payload tower at epoch {epoch}; expected a two-tower run trained through that epoch");
        return largeIndexes.Get((key, epoch), () => BuildDerivedIndex(key, weights), Status);
    }

    private FaissIndex BuildDerivedIndex(ModelRunKey key, IReadOnlyDictionary<string, (float[] Values, long[] Shape)> weights)
    {
        var threads = TorchRuntime.NumThreads;
        TorchRuntime.NumThreads = key.Settings.TorchThreads;
        try
        {
            using var generator = new Generator(key.Settings.Seed);
            using var tower = new PayloadTower(Data.PayloadRows.Dimension, key.Settings.PayloadHidden, generator);
            using (var scope = new DisposeScope())
            {
                tower.LoadStateDict(weights.ToDictionary(w => w.Key, w => Tensor.From(w.Value.Values, w.Value.Shape)));
            }

            return BuildEncodedIvf(tower, DerivedListCount, Seed(key));
        }
        finally
        {
            TorchRuntime.NumThreads = threads;
        }
    }

    // IVF-Flat over P(payload) without holding P(payload): one pass encodes block by block and keeps only the
    // k-means sample's rows, a second encodes again and adds each block. The same encodings, sample and order as
    // encoding the whole payload first, so the same index, at a peak of the index plus one block.
    private FaissIndex BuildEncodedIvf(PayloadTower tower, int listCount, ulong seed)
    {
        var (n, d) = (Data.PayloadRows.Count, Data.PayloadRows.Dimension);
        var sampleRows = IvfFlatBuilder.SampleRows(n, (int)Math.Min(n, (long)listCount * IvfSizing.TrainingPointsPerList), seed);
        var sample = new float[(long)sampleRows.Length * d]; // (samples, D)
        var encoded = new float[(long)EncodeBlockRows * d]; // (block, D), reused by every block of both passes
        var next = 0;
        for (var start = 0; start < n; start += EncodeBlockRows)
        {
            var rows = Math.Min(EncodeBlockRows, n - start);
            ModelInference.EncodePayloadRows(tower, Data.PayloadRows, start, rows, encoded);
            for (; next < sampleRows.Length && sampleRows[next] < start + rows; next++)
                encoded.AsSpan((sampleRows[next] - start) * d, d).CopyTo(sample.AsSpan(next * d, d));
            Status?.Report(Text($"P(payload) k-means sample: encoded {start + rows:N0} / {n:N0} payload vectors"));
        }

        var built = FaissIndex.CreateIvfFlat(d, listCount, FaissMetric.InnerProduct);
        try
        {
            built.SetTrainingIterations(TrainingIterations);
            Status?.Report(Text($"P(payload) index: k-means into {listCount:N0} lists on {sampleRows.Length:N0} rows"));
            built.Train(sample, d);
            for (var start = 0; start < n; start += EncodeBlockRows)
            {
                var rows = Math.Min(EncodeBlockRows, n - start);
                ModelInference.EncodePayloadRows(tower, Data.PayloadRows, start, rows, encoded);
                built.Add(encoded.AsSpan(0, rows * d), d);
                Status?.Report(Text($"P(payload) index: encoded and added {start + rows:N0} / {n:N0} vectors"));
            }

            return built;
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    // Rows encoded per block: a multiple of ModelInference.BatchRows (the same batches as one whole encoding).
    private const int EncodeBlockRows = 32 * ModelInference.BatchRows;

    // A derived index's k-means sample is drawn from the training seed's stream.
    private static ulong Seed(ModelRunKey key) => key.Settings.Seed;

    // nprobe = min(wanted, nlist) on an IVF index; null (nothing to set) on a flat one.
    private static int? SetNprobe(FaissIndex index, int nprobe)
    {
        if (index.ListCount == 0)
            return null;
        index.Nprobe = Math.Min(nprobe, index.ListCount);
        return index.Nprobe;
    }

    private FaissIndex BuildIvf(VectorSet vectors, int listCount, ulong seed, long idOffset)
    {
        var built = FaissIndex.CreateIvfFlat(vectors.Dimension, listCount, FaissMetric.InnerProduct);
        try
        {
            built.SetTrainingIterations(TrainingIterations);
            var sample = (int)Math.Min(vectors.Count, (long)listCount * IvfSizing.TrainingPointsPerList);
            IvfFlatBuilder.TrainAndAdd(built, vectors, sample, seed, idOffset, Status);
            return built;
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    private EvalSet TrainingSet(TrainingTargets targets, ulong seed)
    {
        var aligned = Data.Training ?? throw new ArtifactException(
            "no training samples: give a training .npz (contexts, targets, truth_keys) in NVF_TRAIN or the field 'training' of the NVF_ARTIFACTS file");
        if (!trainingSets.TryGetValue(targets, out var set))
            trainingSets[targets] = set = TrainingSamples.For(aligned, targets, seed);
        return set;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
