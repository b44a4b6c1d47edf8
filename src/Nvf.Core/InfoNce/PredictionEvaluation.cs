using System.Globalization;
using Nvf.Core.Metrics;

namespace Nvf.Core.InfoNce;

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
    public static PredictionReport Run(InfoNceSession session, string path, int epoch = 1)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 0);
        var data = session.Data;
        var (predictions, record) = ResearcherPredictions.LoadWithRecord(path, data.Eval, data.EvalFile);
        epoch = record?.Epoch ?? epoch;
        var steps = new List<AutoEvaluationStep>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var separation = SeparationReport.Measure(predictions, data.Eval.Targets);
        var separationSeconds = clock.Elapsed.TotalSeconds;
        var (index, description) = (session.Index, session.IndexDescription);
        if (index.ListCount > 0)
            index.Nprobe = Math.Min(session.Retrieval.Nprobe, index.ListCount);
        var ivf = session.Workspace.Search(index, description, predictions, session.Retrieval.TopK, session.Retrieval.Fault);
        var measurement = new EpochMeasurement(epoch, double.NaN, 0, 0, predictions, data.Eval.Targets, separation, ivf);
        steps.Add(new("predictions", Text($"{Path.GetFileName(path)}: {predictions.Count:N0} x {predictions.Dimension}, {(record is null ? $"epoch {epoch}" : $"{record.Describe()}, written for {record.EvalFile}")}")));
        steps.Add(new("separation", Text($"pos {separation.PositiveMean:F3}, neg {separation.NegativeMean:F3}, Δ {separation.Delta:F3}, AUC {separation.Auc:F3} ({separation.BatchSize} per batch of in-batch negatives; {separationSeconds:F1} s)")));
        steps.Add(new("IVF retrieval", Text($"{ivf.IndexDescription}, top {ivf.TopK}: R@5 {ivf.RecallAt5}, Contain@50 {ivf.ContainAt50} (search {ivf.Seconds:F1} s)")));
        steps.Add(new("decision", Text($"R@5 {measurement.RecallAt5:P2}, Δ {separation.Delta:F3}, tier {measurement.Tier} → {DecisionGate.Describe(measurement.Decision)}")));

        RetrievalReport? flat = null;
        FlatAblationVerdict? verdict = null;
        string action;
        switch (measurement.Decision)
        {
            case GateDecision.CheckFlatIndex:
                flat = session.Workspace.ExactRetrieval(predictions, session.Retrieval.TopK);
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

        steps.Add(new("action", action));
        var leakage = data.Split is { } split ? ProportionEstimate.Wilson(split.LeakedArticles.Length, split.EvalArticles.Length) : null;
        return new PredictionReport(path, measurement, flat, verdict, leakage, action, steps);
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

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
