using System.Diagnostics;
using System.Globalization;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Index;
using Nvf.Core.Metrics;
using Nvf.Core.Sanity;
using Nvf.Faiss;

namespace Nvf.Core.InfoNce;

/// <summary>
/// One data set of the InfoNCE gate with everything derived from it, each computed once and then
/// reused by every scenario (the 584,000 x 768 index, the plumbing checks, each trained model and
/// its measurements). Get one from <see cref="InfoNceSessions"/>. Not thread-safe: scenarios run one at a time.
/// </summary>
public sealed class InfoNceSession : IDisposable
{
    private readonly Dictionary<OracleIndexVariant, OracleRecallCheckResult> oracle = [];
    private readonly Dictionary<bool, EvalAlignmentCheckResult> alignment = [];
    private readonly Dictionary<TrainingTargets, EvalSet> trainingSets = [];
    private readonly Dictionary<ModelRunKey, ModelRun> runs = [];
    private readonly Dictionary<(ModelRunKey, int), RetrievalReport> flat = [];
    private FaissIndex? index;
    private (long[] Rows, IReadOnlyList<IReadOnlySet<long>> SameVector)? evalTruth;
    private NormalizationCheckResult? normalization, unnormalized;

    /// <summary>Wraps <paramref name="data"/>; indexes and models are built on first use.</summary>
    public InfoNceSession(GateData data, RetrievalSettings retrieval)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(retrieval);
        Data = data;
        Retrieval = retrieval;
    }

    /// <summary>The data.</summary>
    public GateData Data { get; }

    /// <summary>Index and check settings.</summary>
    public RetrievalSettings Retrieval { get; }

    /// <summary>Seconds spent building (or reading) the payload index, once it exists.</summary>
    public double IndexSeconds { get; private set; }

    /// <summary>"IVF-Flat IP, nlist 3072, nprobe 64" (or the file's name), once the index exists.</summary>
    public string IndexDescription { get; private set; } = "";

    /// <summary>The IVF-Flat inner-product index over the payload (ids = rows), built or read on first use.</summary>
    public FaissIndex Index => index ??= OpenIndex();

    /// <summary>Payload norms and the index metric.</summary>
    public NormalizationCheckResult Normalization() => normalization ??= NormalizationCheck.Run(Data.Payload, Index.Metric);

    /// <summary>Control: the same check on a slice of the payload scaled by random norms (must fail).</summary>
    public NormalizationCheckResult UnnormalizedNormalization() =>
        unnormalized ??= NormalizationCheck.Run(ScaledSlice(), FaissMetric.InnerProduct);

    /// <summary>Oracle recall on the payload index or on one of the negative controls.</summary>
    public OracleRecallCheckResult OracleRecall(OracleIndexVariant variant)
    {
        if (oracle.TryGetValue(variant, out var known))
            return known;
        var r = Retrieval;
        OracleRecallCheckResult result;
        if (variant == OracleIndexVariant.Payload)
        {
            result = OracleRecallCheck.Run(Index, Data.Payload, r.OracleQueries, r.Seed, Data.AreDuplicates);
        }
        else
        {
            var slice = variant == OracleIndexVariant.IdsShiftedByOne ? Slice() : ScaledSlice();
            using var control = BuildIvf(slice, idOffset: variant == OracleIndexVariant.IdsShiftedByOne ? 1 : 0);
            result = OracleRecallCheck.Run(control, slice, Math.Min(r.OracleQueries, slice.Count), r.Seed, Data.AreDuplicates);
        }

        return oracle[variant] = result;
    }

    /// <summary>Eval alignment with the eval set's keys, or (control) with every chunk index off by one.</summary>
    public EvalAlignmentCheckResult Alignment(bool keysShiftedByOne = false)
    {
        if (alignment.TryGetValue(keysShiftedByOne, out var known))
            return known;
        var keys = keysShiftedByOne ? EvalAlignmentCheck.ShiftedByOneChunk(Data.Eval.TruthKeys) : null;
        return alignment[keysShiftedByOne] = EvalAlignmentCheck.Run(Data, Math.Min(Retrieval.AlignmentSamples, Data.Eval.Count), Retrieval.Seed, keys);
    }

    /// <summary>The eval set's provenance, with the time alignment was verified (running the check if needed).</summary>
    public EvalProvenance Provenance() => EvalProvenance.Record(Data, Alignment().CheckedUtc);

    /// <summary>
    /// The run of <paramref name="key"/> trained and measured through epoch <paramref name="epochs"/>
    /// (trained further if an earlier scenario stopped sooner). Throws <see cref="ArtifactException"/>
    /// when the data has no training samples.
    /// </summary>
    public ModelRun Train(ModelRunKey key, int epochs)
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
            var record = run.Training.RunEpoch();
            var predictions = run.Training.Predict(Data.Eval);
            var separation = SeparationReport.Measure(predictions, Data.Eval.Targets);
            RetrievalReport ivf;
            if (run.Training.Model.Payload is null)
            {
                ivf = Search(Index, IndexDescription, predictions);
            }
            else
            {
                // The two-tower model retrieves from P(payload): a new payload, so a new IVF index of the same kind.
                var encoded = ModelInference.EncodePayload(run.Training.Model.Payload, Data.Payload);
                using var towerIndex = BuildIvf(encoded, 0);
                ivf = Search(towerIndex, $"IVF-Flat IP over P(payload), nlist {towerIndex.ListCount}, nprobe {Retrieval.Nprobe}", predictions);
            }

            run.Add(new EpochMeasurement(record.Epoch, record.TrainingLoss, run.Training.EpochSeconds[^1], predictions, separation, ivf));
        }

        return run;
    }

    /// <summary>The flat-index ablation (exact inner product over the same vectors the IVF index holds) on the predictions of <paramref name="key"/> after <paramref name="epoch"/>.</summary>
    public RetrievalReport FlatRetrieval(ModelRunKey key, int epoch)
    {
        if (flat.TryGetValue((key, epoch), out var known))
            return known;
        var run = Train(key, epoch);
        var vectors = run.Training.Model.Payload is null ? Data.Payload : ModelInference.EncodePayload(run.Training.Model.Payload, Data.Payload);
        using var exact = FaissIndex.CreateFlat(vectors.Dimension, FaissMetric.InnerProduct);
        exact.Add(vectors.Data, vectors.Dimension);
        return flat[(key, epoch)] = Search(exact, "Flat IP (exact)", run.At(epoch).Predictions);
    }

    /// <summary>Frees the index and every trained model.</summary>
    public void Dispose()
    {
        index?.Dispose();
        foreach (var run in runs.Values)
            run.Dispose();
    }

    private RetrievalReport Search(FaissIndex target, string description, VectorSet predictions)
    {
        var (rows, sameVector) = evalTruth ??= EvalTruth();
        return RetrievalEvaluator.Evaluate(target, description, predictions, rows, sameVector, Retrieval.TopK);
    }

    // The payload row of each eval target and the rows holding the same vector: the same for every search.
    private (long[] Rows, IReadOnlyList<IReadOnlySet<long>> SameVector) EvalTruth()
    {
        var rows = Data.EvalRows();
        if (rows.Any(r => r < 0))
            throw new ArtifactException($"{Path.GetFileName(Data.EvalFile)}: {rows.Count(r => r < 0)} truth keys name no payload row; expected every key in the payload key map");
        return (rows.Select(r => (long)r).ToArray(), ExactDuplicates.SameVectorSets(Data.FirstCopyOf, rows));
    }

    private EvalSet TrainingSet(TrainingTargets targets, ulong seed)
    {
        var aligned = Data.Training ?? throw new ArtifactException(
            "no training samples: give a training .npz (contexts, targets, truth_keys) in NVF_TRAIN or the field 'training' of the NVF_ARTIFACTS file");
        if (!trainingSets.TryGetValue(targets, out var set))
            trainingSets[targets] = set = TrainingSamples.For(aligned, targets, seed);
        return set;
    }

    private FaissIndex OpenIndex()
    {
        var clock = Stopwatch.StartNew();
        FaissIndex opened;
        if (Data.IndexFile is not null)
        {
            opened = FaissIndex.Read(Data.IndexFile);
            if (opened.Count != Data.Payload.Count || opened.Dimension != Data.Payload.Dimension)
            {
                var (count, dimension) = (opened.Count, opened.Dimension);
                opened.Dispose();
                throw new ArtifactException($"{Data.IndexFile}: the index holds {count} vectors of dimension {dimension}; expected the payload's {Data.Payload.Count} x {Data.Payload.Dimension}");
            }

            IndexDescription = $"{Path.GetFileName(Data.IndexFile)} ({opened.Metric})";
        }
        else
        {
            opened = BuildIvf(Data.Payload, 0);
            IndexDescription = string.Create(CultureInfo.InvariantCulture, $"IVF-Flat IP, nlist {opened.ListCount}, nprobe {Retrieval.Nprobe}");
        }

        SetNprobe(opened);
        IndexSeconds = clock.Elapsed.TotalSeconds;
        return opened;
    }

    private void SetNprobe(FaissIndex target)
    {
        // A flat index read from a file has no lists to probe: it is searched exactly.
        if (target.ListCount > 0)
            target.Nprobe = Math.Min(Retrieval.Nprobe, target.ListCount);
    }

    private FaissIndex BuildIvf(VectorSet vectors, long idOffset)
    {
        FaissIndex built;
        if (idOffset == 0)
        {
            built = IvfFlatBuilder.Build(vectors, FaissMetric.InnerProduct, Retrieval.Seed).Index;
        }
        else
        {
            var sizing = IvfSizing.ForCount(vectors.Count);
            built = FaissIndex.CreateIvfFlat(vectors.Dimension, sizing.ListCount, FaissMetric.InnerProduct);
            built.Train(IvfFlatBuilder.TrainingSample(vectors, sizing.TrainingCount, Retrieval.Seed), vectors.Dimension);
            built.Add(vectors.Data, vectors.Dimension, Enumerable.Range(0, vectors.Count).Select(r => r + idOffset).ToArray());
        }

        SetNprobe(built);
        return built;
    }

    private VectorSet Slice() => new(Data.Payload.Data.AsSpan(0, ControlRows * Data.Payload.Dimension).ToArray(), ControlRows, Data.Payload.Dimension);

    private VectorSet ScaledSlice() => NegativeControls.ScaledByRandomNorms(Data.Payload, ControlRows, Retrieval.Seed);

    private int ControlRows => Math.Min(Retrieval.ControlRows, Data.Payload.Count);
}
