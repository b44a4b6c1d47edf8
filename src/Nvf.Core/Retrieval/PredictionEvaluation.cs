using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;

namespace Nvf.Core.Retrieval;

/// <summary>
/// The seed's auto-evaluation (eval_pure_infonce_epoch1.sh) applied to a researcher's own predictions instead of a
/// model the gate trains: separation, IVF retrieval at the session's nprobe, tier, decision, then the action. The
/// gate can run the flat ablation itself; "train 1-2 more epochs" and "pivot to two-tower" need the researcher's
/// training, so they are the verdict, with the numbers behind it.
/// </summary>
public static class PredictionEvaluation
{
    /// <summary>Evaluates the predictions in <paramref name="path"/> against <paramref name="session"/>'s data and index.</summary>
    /// <param name="session">The data (payload, eval set, index, training set) and retrieval settings.</param>
    /// <param name="path">The predictions .npy (M, D), row i for eval row i.</param>
    /// <param name="epoch">The epoch the predictions come from, as the researcher names it (1 in the seed).</param>
    public static PredictionReport Run(InfoNceSession session, string path, int epoch = 1) => Run(session, path, EvaluationSettings.SeedDefaults, epoch);

    /// <summary>Evaluates the predictions in <paramref name="path"/> with the researcher's <paramref name="settings"/>.</summary>
    /// <param name="session">The data session (payload, eval set, index).</param>
    /// <param name="path">The predictions .npy.</param>
    /// <param name="settings">nprobe, cut-offs, negatives, forced flat ablation, nprobe sweep.</param>
    /// <param name="epoch">The epoch the predictions are of, when their record does not say.</param>
    public static PredictionReport Run(InfoNceSession session, string path, EvaluationSettings settings, int epoch = 1)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 0);
        settings = settings.Validated();
        var data = session.Data;
        var (predictions, record) = ResearcherPredictions.LoadWithRecord(path, data.Eval, data.EvalFile);
        epoch = record?.Epoch ?? epoch;
        var steps = new List<AutoEvaluationStep>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var separation = Separation(predictions, data.Eval.Targets, settings);
        var separationSeconds = clock.Elapsed.TotalSeconds;
        var (index, description) = (session.Index, session.IndexDescription);
        var nprobe = settings.Nprobe ?? session.Retrieval.Nprobe;
        if (index.ListCount > 0)
        {
            index.Nprobe = Math.Min(nprobe, index.ListCount);
            if (index.Nprobe != session.Retrieval.Nprobe)
                description = Text($"{description} — searched at nprobe {index.Nprobe}");
        }

        var topK = settings.ListLength(session.Retrieval.TopK);
        RetrievalReport ivf;
        PerQueryResults? perQuery = null;
        if (session.Retrieval.Fault == Artifacts.IndexFault.None)
        {
            var header = new PerQueryHeader(PerQueryResults.Format, path, Provenance.FileDigest.Sha256Of(path) ?? "", data.EvalFile, description, topK, settings.Cutoffs, 0)
            {
                Model = record?.Model,
                Epoch = epoch,
                Checkpoint = record?.Checkpoint,
                CheckpointSha256 = record?.CheckpointSha256,
            };
            (ivf, perQuery) = session.Workspace.SearchPerQuery(index, description, predictions, topK, header);
        }
        else
        {
            ivf = session.Workspace.Search(index, description, predictions, topK, session.Retrieval.Fault);
        }

        var scores = perQuery?.Score(settings.Cutoffs.Where(k => k <= topK).ToList()) ?? [];
        var curve = settings.NprobeSweep && index.ListCount > 0 ? session.Workspace.SweepNprobe(index, session.IndexDescription, predictions, topK) : [];
        if (index.ListCount > 0)
            index.Nprobe = Math.Min(nprobe, index.ListCount);
        var measurement = new EpochMeasurement(epoch, double.NaN, 0, 0, predictions, data.Eval.Targets, separation, ivf);
        steps.Add(new("predictions", Text($"{Path.GetFileName(path)}: {predictions.Count:N0} x {predictions.Dimension}, {(record is null ? $"epoch {epoch}" : $"{record.Describe()}, written for {record.EvalFile}")}; {settings.Describe(session.Retrieval.Nprobe)}")));
        steps.Add(new("separation", Text($"pos {separation.PositiveMean:F3}, neg {separation.NegativeMean:F3}, Δ {separation.Delta:F3}, AUC {separation.Auc:F3} ({(settings.Negatives == NegativeSampling.InBatch ? "in-batch" : "random")} negatives, batches of {separation.BatchSize}; {separationSeconds:F1} s)")));
        steps.Add(new("IVF retrieval", Text($"{ivf.IndexDescription}, top {ivf.TopK}: R@5 {ivf.RecallAt5}, Contain@50 {ivf.ContainAt50} (search {ivf.Seconds:F1} s)")));
        steps.Add(new("decision", Text($"R@5 {measurement.RecallAt5:P2}, Δ {separation.Delta:F3}, tier {measurement.Tier} → {DecisionGate.Describe(measurement.Decision)}")));

        RetrievalReport? flat = null;
        FlatAblationVerdict? verdict = null;
        string action;
        switch (measurement.Decision)
        {
            case GateDecision.CheckFlatIndex:
                flat = session.Workspace.ExactRetrieval(predictions, topK);
                verdict = DecisionGate.JudgeFlatAblation(flat.RecallAt5.Estimate);
                action = Text($"flat ablation ran: IVF R@5 {measurement.RecallAt5:P1}, flat R@5 {flat.RecallAt5.Estimate:P1} → {DecisionGate.Describe(verdict.Value)}");
                steps.Add(new("flat ablation", Text($"{flat.IndexDescription}: R@5 {flat.RecallAt5} → {DecisionGate.Describe(verdict.Value)}")));
                break;
            case GateDecision.TrainMoreEpochs:
                action = Text($"train 1-2 more epochs, then evaluate again (Δ {separation.Delta:F3} separates, R@5 {measurement.RecallAt5:P2} retrieves too little yet)");
                break;
            case GateDecision.PivotToTwoTower:
                action = Text($"pivot to the two-tower model: Δ {separation.Delta:F3} does not separate and R@5 is {measurement.RecallAt5:P2}");
                break;
            default:
                action = Text($"continue training (2-10 more epochs): R@5 {measurement.RecallAt5:P1}, Δ {separation.Delta:F3}, tier {measurement.Tier}");
                break;
        }

        if (flat is null && settings.ForceFlat)
        {
            // Asked for whatever the tree says: the same predictions on exact search, beside IVF (no verdict: the tree did not ask).
            flat = session.Workspace.ExactRetrieval(predictions, topK);
            steps.Add(new("flat ablation (asked for)", Text($"{flat.IndexDescription}: R@5 {flat.RecallAt5} vs IVF {ivf.RecallAt5}")));
        }

        steps.Add(new("action", action));
        var leakage = data.Split is { } split ? ProportionEstimate.Wilson(split.LeakedArticles.Length, split.EvalArticles.Length) : null;
        return new PredictionReport(path, measurement, flat, verdict, leakage, action, steps)
        {
            Settings = settings,
            PerQuery = perQuery,
            Scores = scores,
            NprobeCurve = curve,
        };
    }

    /// <summary>
    /// Writes the eval predictions of the harness's own <paramref name="key"/> model after <paramref name="epoch"/>
    /// (trained if needed) as a float32 .npy under <paramref name="folder"/>, atomically, and returns its path: the
    /// file a researcher would hand the gate, made where no researcher's file is given.
    /// </summary>
    public static string WriteOwnPredictions(InfoNceSession session, ModelRunKey key, int epoch, string folder)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(key);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Text($"predictions-{KebabName.Format(key.Encoder)}-{KebabName.Format(key.Objective)}-epoch{epoch}.npy"));
        Data.NumPy.NpyWriter.Write(file, session.Measure(key, epoch).Predictions);
        return file;
    }

    /// <summary>
    /// What a leaked eval set does to R@5, in one line: the share of eval articles also trained on, and that their
    /// chunks were seen in training, so R@5 measures recall of seen text as much as generalisation.
    /// </summary>
    /// <param name="leakage">The leaked share, or null when no training set was given.</param>
    public static string LeakageNote(ProportionEstimate? leakage) => leakage is null
        ? "leakage unknown: give the training set (--train / NVF_TRAIN) to measure it"
        : Text($"{leakage.Estimate:P1} of eval articles were also trained on (the seed's set: 91.5%): their chunks were seen in training, so this R@5 overstates retrieval of unseen text");

    // The separation over negatives from the eval file's own blocks (the seed's), or from blocks of a seeded permutation.
    static SeparationReport Separation(Data.VectorSet predictions, Data.VectorSet targets, EvaluationSettings settings)
    {
        if (settings.Negatives == NegativeSampling.InBatch)
            return SeparationReport.Measure(predictions, targets, settings.BatchSize);
        var order = Enumerable.Range(0, predictions.Count).ToArray();
        new Random(unchecked((int)settings.Seed)).Shuffle(order);
        return SeparationReport.Measure(Permuted(predictions, order), Permuted(targets, order), settings.BatchSize);
    }

    static Data.VectorSet Permuted(Data.VectorSet vectors, int[] order)
    {
        var data = new float[vectors.Data.Length];
        for (var i = 0; i < order.Length; i++)
            vectors.Row(order[i]).CopyTo(data.AsSpan(i * vectors.Dimension, vectors.Dimension));
        return new Data.VectorSet(data, vectors.Count, vectors.Dimension);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
