using System.Globalization;
using Nvf.Core.Artifacts;
using Nvf.Core.Decision;
using Nvf.Core.Metrics;
using Nvf.Core.Plumbing;
using Nvf.Core.Retrieval;
using Nvf.Core.Training;
using Nvf.Faiss;

namespace Nvf.Core.InfoNce;

/// <summary>
/// One data set seen with one set of retrieval settings (nprobe, top-k, sample counts): the plumbing
/// checks and the measurements of trained models at those settings. The costly parts (indexes,
/// trained models, predictions) live in the shared <see cref="InfoNceWorkspace"/>, so sessions that
/// differ only in nprobe reuse them. Get one from <see cref="InfoNceSessionCache"/>. Not thread-safe:
/// scenarios run one at a time.
/// </summary>
public sealed class InfoNceSession : IDisposable
{
    private readonly Dictionary<OracleIndexVariant, OracleRecallCheckResult> oracle = [];
    private readonly Dictionary<bool, EvalAlignmentCheckResult> alignment = [];
    private readonly Dictionary<(ModelRunKey, int), EpochMeasurement> measurements = [];
    private readonly bool ownsWorkspace;
    private NormalizationCheckResult? normalization, unnormalized;

    /// <summary>A session with a workspace of its own over <paramref name="data"/> (disposed with the session).</summary>
    public InfoNceSession(GateData data, RetrievalSettings retrieval)
        : this(new InfoNceWorkspace(data), retrieval)
    {
        ownsWorkspace = true;
    }

    /// <summary>A session over a shared <paramref name="workspace"/> (not disposed with the session).</summary>
    public InfoNceSession(InfoNceWorkspace workspace, RetrievalSettings retrieval)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(retrieval);
        Workspace = workspace;
        Retrieval = retrieval;
    }

    /// <summary>The shared indexes and models.</summary>
    public InfoNceWorkspace Workspace { get; }

    /// <summary>The data.</summary>
    public GateData Data => Workspace.Data;

    /// <summary>Index and check settings.</summary>
    public RetrievalSettings Retrieval { get; }

    /// <summary>Seconds spent building (or reading) the payload index, once it exists.</summary>
    public double IndexSeconds => Workspace.PayloadIndex(Retrieval.Seed).Seconds;

    /// <summary>"IVF-Flat IP, nlist 3072, nprobe 64" (or the file's name).</summary>
    public string IndexDescription
    {
        get
        {
            var (index, description, _) = Workspace.PayloadIndex(Retrieval.Seed);
            return index.ListCount > 0 ? string.Create(CultureInfo.InvariantCulture, $"{description}, nprobe {Math.Min(Retrieval.Nprobe, index.ListCount)}") : description;
        }
    }

    /// <summary>The index over the payload (ids = rows), built or read on first use, with this session's nprobe set.</summary>
    public FaissIndex Index
    {
        get
        {
            var index = Workspace.PayloadIndex(Retrieval.Seed).Index;
            if (index.ListCount > 0)
                index.Nprobe = Math.Min(Retrieval.Nprobe, index.ListCount);
            return index;
        }
    }

    /// <summary>Payload norms and the index metric.</summary>
    public NormalizationCheckResult Normalization() => normalization ??= NormalizationCheck.Run(Data.PayloadRows, Index.Metric);

    /// <summary>Control: the same check on a slice of the payload scaled by random norms (must fail).</summary>
    public NormalizationCheckResult UnnormalizedNormalization() =>
        unnormalized ??= NormalizationCheck.Run(Workspace.ControlSlice(OracleIndexVariant.UnnormalizedInnerProduct, ControlRows, Retrieval.Seed), FaissMetric.InnerProduct);

    /// <summary>Oracle recall on the payload index or on one of the negative controls.</summary>
    public OracleRecallCheckResult OracleRecall(OracleIndexVariant variant)
    {
        if (oracle.TryGetValue(variant, out var known))
            return known;
        var r = Retrieval;
        OracleRecallCheckResult result;
        if (variant == OracleIndexVariant.Payload)
        {
            // A pilot payload may hold fewer rows than the configured queries: every row is then a query (see OracleQueryCount).
            var index = Index;
            using (InfoNceWorkspace.EveryCoreForSearch())
                result = OracleRecallCheck.Run(index, Data.PayloadRows, OracleQueryCount, r.Seed, Data.AreDuplicates);
        }
        else
        {
            var slice = Workspace.ControlSlice(variant, ControlRows, r.Seed);
            using var control = Workspace.BuildControlIndex(variant, slice, r.Seed);
            control.Nprobe = Math.Min(r.Nprobe, control.ListCount);
            // Copies are judged on what the control index holds: scaled by random norms, copies of one paragraph differ.
            var firstCopyOf = Artifacts.ExactDuplicates.FirstCopyOf(slice);
            using (InfoNceWorkspace.EveryCoreForSearch())
                result = OracleRecallCheck.Run(control, slice, Math.Min(r.OracleQueries, slice.Count), r.Seed, (a, b) => Artifacts.ExactDuplicates.AreCopies(firstCopyOf, a, b));
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
    /// The run of <paramref name="key"/> trained through epoch <paramref name="epochs"/> (shared with
    /// every session over the same data); <paramref name="progress"/> hears each quarter epoch.
    /// Throws <see cref="ArtifactException"/> when the data has no training samples.
    /// </summary>
    public ModelRun Train(ModelRunKey key, int epochs, IProgress<TrainingProgress>? progress = null) => Workspace.Train(key, epochs, progress);

    /// <summary>
    /// The run of <paramref name="key"/> after <paramref name="epoch"/> (trained if needed) measured at
    /// this session's settings: separation of its eval predictions and retrieval through the IVF index.
    /// </summary>
    public EpochMeasurement Measure(ModelRunKey key, int epoch, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (measurements.TryGetValue((key, epoch), out var known))
            return known;
        var trained = Train(key, epoch, progress).At(epoch);
        var separation = SeparationReport.Measure(trained.Predictions, trained.EvalKeys);
        var (index, description) = Workspace.RetrievalIndex(key, epoch, Retrieval.Seed, Retrieval.Nprobe);
        // The fault is in the payload index; a two-tower model retrieves from its own P(payload) index.
        var fault = !Train(key, epoch).HasPayloadTower ? Retrieval.Fault : IndexFault.None;
        var ivf = Workspace.Search(index, description, trained.Predictions, Retrieval.TopK, fault);
        return measurements[(key, epoch)] = new EpochMeasurement(
            trained.Epoch, trained.TrainingLoss, trained.Seconds, trained.CpuSeconds, trained.Predictions, trained.EvalKeys, separation, ivf);
    }

    /// <summary>The flat-index ablation (exact inner product over the same vectors the IVF index holds) on the predictions of <paramref name="key"/> after <paramref name="epoch"/>.</summary>
    public RetrievalReport FlatRetrieval(ModelRunKey key, int epoch) => Workspace.FlatRetrieval(key, epoch, Retrieval.Seed, Retrieval.TopK);

    /// <summary>R@5 of the predictions of <paramref name="key"/> after <paramref name="epoch"/> at nprobe 1, 2, 4, ... 64 on the index they are retrieved from.</summary>
    public IReadOnlyList<(int Nprobe, RetrievalReport Report)> RecallByNprobe(ModelRunKey key, int epoch) =>
        Workspace.RecallByNprobe(key, epoch, Retrieval.Seed, Retrieval.TopK, Retrieval.Fault);

    /// <summary>Frees the workspace when this session made it.</summary>
    public void Dispose()
    {
        if (ownsWorkspace)
            Workspace.Dispose();
    }

    private int ControlRows => Math.Min(Retrieval.ControlRows, Data.PayloadRows.Count);

    /// <summary>Payload vectors used as their own queries by the oracle-recall check: the configured count, or every row of a smaller payload.</summary>
    public int OracleQueryCount => Math.Min(Retrieval.OracleQueries, Data.PayloadRows.Count);

    /// <summary>
    /// One line when a check runs on fewer samples than configured because the data is smaller (a pilot run), e.g.
    /// "the payload has 50 rows: oracle recall uses all 50 as queries (configured 1,000)"; null when nothing was reduced.
    /// </summary>
    public string? ReducedSamplesNote()
    {
        var notes = new List<string>();
        if (OracleQueryCount < Retrieval.OracleQueries)
            notes.Add(FormattableString.Invariant($"the payload has {Data.PayloadRows.Count:N0} rows: oracle recall uses all {OracleQueryCount:N0} as queries (configured {Retrieval.OracleQueries:N0})"));
        if (Data.Eval.Count < Retrieval.AlignmentSamples)
            notes.Add(FormattableString.Invariant($"the eval set has {Data.Eval.Count:N0} samples: eval alignment checks all of them (configured {Retrieval.AlignmentSamples:N0})"));
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }
}
