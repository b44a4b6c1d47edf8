using System.Diagnostics;
using System.Globalization;
using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.Index;
using Nvf.Core.Provenance;
using Nvf.Core.Retrieval;
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
    private readonly Dictionary<(FaissIndex Index, int Nprobe, VectorSet Predictions, int TopK, IndexFault Fault), RetrievalReport> searches = new(SearchComparer.Instance);
    private readonly Dictionary<ModelRunKey, ModelRun> runs = [];
    private long[]? staleIds;
    private (long[] Rows, IReadOnlyList<IReadOnlySet<long>> SameVector)? evalTruth;

    /// <summary>Wraps <paramref name="data"/>; indexes and models are built on first use.</summary>
    public InfoNceWorkspace(GateData data)
        : this(data, null)
    {
    }

    /// <summary>
    /// Wraps <paramref name="data"/>; trained models are also kept in <paramref name="store"/> and read back by later runs
    /// when the data has a <see cref="GateData.ContentKey"/> (generated data; a researcher's files are not hashed).
    /// </summary>
    public InfoNceWorkspace(GateData data, TrainedModelStore? store)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        Store = data.ContentKey is null ? null : store;
    }

    /// <summary>Where trained runs are kept across runs of the gate, or null.</summary>
    public TrainedModelStore? Store { get; }

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
            var read = FileGateData.OpenIndex(Data.IndexFile, Data.PayloadRows.Count, Data.PayloadRows.Dimension);
            opened = (read, $"{Path.GetFileName(Data.IndexFile)} ({read.Metric}{(read.ListCount > 0 ? Text($", nlist {read.ListCount}, lists memory-mapped") : ", exact")})");
        }
        else
        {
            FaissIndex Build() => IvfFlatBuilder.Build(Data.PayloadRows, FaissMetric.InnerProduct, seed, TrainingIterations, Status).Index;
            var built = Data.DerivedFilesPrefix is { } prefix
                ? CachedIndexFile.OpenOrBuild(Text($"{prefix}.ivf-flat-ip-seed{seed}-niter{TrainingIterations}.faiss"), Data.PayloadRows.Count, Data.PayloadRows.Dimension, IndexCode, Build, Status)
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
            ? Plumbing.NegativeControls.ScaledByRandomNorms(Data.PayloadRows, rows, seed)
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
        if (runs.TryGetValue(key, out var known) && known.Training is null && known.Epochs.Count < epochs)
        {
            // Read from the model cache without its optimizer state: train again from the start, which gives the same epochs.
            Status?.Report(Text($"{key}: {known.Epochs.Count} epoch(s) were read from the model cache, {epochs} are asked for: training again from epoch 1"));
            runs.Remove(key);
        }

        if (!runs.TryGetValue(key, out var run))
        {
            run = ReadStored(key, epochs);
            if (run is null)
            {
                var model = new InfoNceModel(key.Encoder, key.Objective, key.Settings, Data.Eval.ContextLength, Data.Eval.Dimension);
                run = new ModelRun(key, new InfoNceTraining(model, TrainingSet(key.Targets, key.Settings.Seed)));
            }

            runs[key] = run;
        }

        var trainedHere = run.Epochs.Count < epochs;
        while (run.Epochs.Count < epochs)
        {
            var training = run.Training ?? throw new InvalidOperationException($"{key}: a run read from the model cache cannot train on");
            var record = training.RunEpoch(progress, epochs);
            var predictions = training.Predict(Data.Eval);
            var tower = training.Model.Payload;
            var keys = tower is null ? Data.Eval.Targets : ModelInference.EncodePayload(tower, Data.Eval.Targets);
            run.Add(new TrainedEpoch(record.Epoch, record.TrainingLoss, training.EpochSeconds[^1], training.EpochCpuSeconds[^1], predictions, keys));
            if (tower is not null)
            {
                // P(payload) changes with every epoch: keep this epoch's tower weights; its index is built on first use.
                towerWeights[(key, record.Epoch)] = tower.StateDict().ToDictionary(p => p.Key, p => (p.Value.ToArray<float>(), p.Value.Shape.ToArray()));
            }
        }

        if (trainedHere)
            WriteStored(run);
        return run;
    }

    // What a run's model cache entry is of: the data's content key and the run key (settings included); its key adds the code.
    private string StoredDescription(ModelRunKey key) => Text($"infonce run | data {Data.ContentKey} | {key.Encoder} {key.Objective} {key.Targets} | {key.Settings}");

    private string StoredKey(ModelRunKey key) => TrainedModelStore.KeyOf(StoredDescription(key));

    private static string StoredName(ModelRunKey key) => $"infonce-{KebabName.Format(key.Encoder)}-{KebabName.Format(key.Objective)}";

    // A run of at least `epochs` epochs from the model cache, or null (the reason said on Status when an entry was refused).
    private ModelRun? ReadStored(ModelRunKey key, int epochs)
    {
        if (Store is null)
            return null;
        var stored = Store.Find(StoredName(key), StoredKey(key), out var why);
        if (stored is null)
        {
            Status?.Report(Text($"{key}: training ({why})"));
            return null;
        }

        var count = stored.Count("epochs");
        if (count < epochs)
        {
            Status?.Report(Text($"{key}: training ({count} epoch(s) stored, {epochs} asked for)"));
            return null;
        }

        try
        {
            var (loss, seconds, cpu) = (stored.Series("epoch-loss"), stored.Series("epoch-seconds"), stored.Series("epoch-cpu-seconds"));
            var (positions, losses) = (stored.Series("step-positions"), stored.Series("step-losses"));
            var trained = new List<TrainedEpoch>();
            for (var e = 1; e <= count; e++)
            {
                var predictions = Vectors(stored.Array(Text($"predictions-epoch{e}")));
                var keys = Data.Eval.Targets;
                if (key.Objective == TrainingObjective.TwoTower)
                {
                    keys = Vectors(stored.Array(Text($"keys-epoch{e}")));
                    var names = stored.Names("tower-parameters");
                    towerWeights[(key, e)] = Enumerable.Range(0, names.Length).ToDictionary(i => names[i], i => stored.Array(Text($"tower-epoch{e}-{i}")));
                }

                trained.Add(new TrainedEpoch(e, loss[e - 1], seconds[e - 1], cpu[e - 1], predictions, keys));
            }

            Status?.Report(Text($"{key}: {count} epoch(s) read from the model cache {stored.Folder} (trained {stored.WrittenUtc})"));
            return new ModelRun(key, stored.Count("steps-per-epoch"), positions.Zip(losses).ToList(), trained, stored.Folder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            Status?.Report(Text($"{key}: training ({stored.Folder} could not be read: {e.Message})"));
            return null;
        }
    }

    private static VectorSet Vectors((float[] Values, long[] Shape) array) =>
        array.Shape is [var n, var d] ? new VectorSet(array.Values, checked((int)n), checked((int)d)) : throw new InvalidDataException($"expected a (N, D) array, got shape ({string.Join(", ", array.Shape)})");

    // Writes every epoch of a run that trained here to the model cache (replacing a shorter entry of the same key).
    private void WriteStored(ModelRun run)
    {
        if (Store is null || run.Training is null)
            return;
        var key = run.Key;
        var arrays = new Dictionary<string, (float[] Values, long[] Shape)>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var epoch in run.Epochs)
        {
            arrays[Text($"predictions-epoch{epoch.Epoch}")] = (epoch.Predictions.Data, [epoch.Predictions.Count, epoch.Predictions.Dimension]);
            if (key.Objective == TrainingObjective.TwoTower)
            {
                arrays[Text($"keys-epoch{epoch.Epoch}")] = (epoch.EvalKeys.Data, [epoch.EvalKeys.Count, epoch.EvalKeys.Dimension]);
                var weights = towerWeights[(key, epoch.Epoch)].OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
                names = weights.Select(w => w.Key).ToList();
                for (var i = 0; i < weights.Count; i++)
                    arrays[Text($"tower-epoch{epoch.Epoch}-{i}")] = weights[i].Value;
            }
        }

        var steps = run.StepLosses;
        var folder = Store.Put(
            StoredName(key), StoredKey(key), StoredDescription(key), new Dictionary<string, Torch.Nn.Module>(), new Dictionary<string, TrainingCurve>(),
            new Dictionary<string, int> { ["epochs"] = run.Epochs.Count, ["steps-per-epoch"] = run.StepsPerEpoch },
            new Dictionary<string, double[]>
            {
                ["epoch-loss"] = [.. run.Epochs.Select(e => e.TrainingLoss)],
                ["epoch-seconds"] = [.. run.Epochs.Select(e => e.Seconds)],
                ["epoch-cpu-seconds"] = [.. run.Epochs.Select(e => e.CpuSeconds)],
                ["step-positions"] = [.. steps.Select(s => s.Epoch)],
                ["step-losses"] = [.. steps.Select(s => s.Loss)],
            },
            arrays,
            names: new Dictionary<string, string[]> { ["tower-parameters"] = [.. names] });
        Status?.Report(Text($"{key}: {run.Epochs.Count} epoch(s) stored in the model cache {folder}"));
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
        if (!run.HasPayloadTower)
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

    // The code a cached payload index is a function of: this class (its sizing and build) and what it reaches (IvfFlatBuilder, FAISS's wrappers).
    private static string IndexCode => CodeFingerprint.Of(typeof(InfoNceWorkspace));

    /// <summary>Frees every index and model.</summary>
    public void Dispose()
    {
        largeIndexes.Dispose();
        foreach (var run in runs.Values)
            run.Dispose();
    }

    private const ulong StaleOrderSeed = 0x5741_4c45;

    // Searches are memoised by the identity of the index and predictions objects (never by their contents).
    private sealed class SearchComparer : IEqualityComparer<(FaissIndex Index, int Nprobe, VectorSet Predictions, int TopK, IndexFault Fault)>
    {
        public static readonly SearchComparer Instance = new();

        public bool Equals((FaissIndex Index, int Nprobe, VectorSet Predictions, int TopK, IndexFault Fault) x, (FaissIndex Index, int Nprobe, VectorSet Predictions, int TopK, IndexFault Fault) y) =>
            ReferenceEquals(x.Index, y.Index) && ReferenceEquals(x.Predictions, y.Predictions) && x.Nprobe == y.Nprobe && x.TopK == y.TopK && x.Fault == y.Fault;

        public int GetHashCode((FaissIndex Index, int Nprobe, VectorSet Predictions, int TopK, IndexFault Fault) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Index), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Predictions), key.Nprobe, key.TopK, key.Fault);
    }

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
