using System.Globalization;
using Nvf.Core.Artifacts;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Core.Training;

namespace Nvf.Core.Decision;

/// <summary>
/// The seed's auto-evaluation (eval_pure_infonce_epoch1.sh): after epoch 1, measure pos/neg
/// separation and IVF retrieval, apply the decision gate, then act on it: train 1-2 more epochs and
/// re-check; run the flat-index ablation on the same predictions; or pivot: train and evaluate the
/// two-tower model on the same data. Continuing training for 2-10 epochs is left to the researcher.
/// </summary>
public static class AutoEvaluation
{
    /// <summary>Most extra epochs of "train 1-2 more epochs and re-check".</summary>
    public const int MaxExtraEpochs = 2;

    /// <summary>
    /// Runs the auto-evaluation of <paramref name="encoder"/> trained on <paramref name="objective"/> in
    /// <paramref name="session"/>; <paramref name="progress"/> hears every training (each quarter epoch).
    /// </summary>
    public static AutoEvaluationReport Run(
        InfoNceSession session, InfoNceRunConfig config, EncoderKind encoder, TrainingObjective objective, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(config);
        var path = new List<AutoEvaluationStep>();
        var key = new ModelRunKey(encoder, objective, config.Targets, config.Training);
        var first = session.Measure(key, 1, progress);
        var run = session.Train(key, 1);
        path.Add(new("train", Text($"{key}, epoch 1: {run.StepsPerEpoch} steps of {config.Training.EffectiveBatch}, loss {first.TrainingLoss:F3}, {first.EpochCpuSeconds:F1} CPU s{(run.ReadFrom is null ? "" : " (read from the model cache)")}")));
        path.Add(new("separation", Describe(first)));
        path.Add(new("IVF retrieval", Text($"{first.Ivf.IndexDescription}, top {first.Ivf.TopK}: R@5 {first.Ivf.RecallAt5}, Contain@50 {first.Ivf.ContainAt50}")));
        path.Add(new("decision", Text($"R@5 {first.RecallAt5:P2}, Δ {first.Separation.Delta:F3} → {DecisionGate.Describe(first.Decision)}")));

        var rechecks = new List<EpochMeasurement>();
        RetrievalReport? flat = null;
        FlatAblationVerdict? verdict = null;
        EpochMeasurement? twoTower = null;
        string outcome;
        switch (first.Decision)
        {
            case GateDecision.TrainMoreEpochs:
                for (var epoch = 2; epoch <= 1 + MaxExtraEpochs; epoch++)
                {
                    var again = session.Measure(key, epoch, progress);
                    rechecks.Add(again);
                    path.Add(new($"re-check after epoch {epoch}", Text($"{again.EpochCpuSeconds:F1} CPU s: R@5 {again.Ivf.RecallAt5}, Δ {again.Separation.Delta:F3} → {DecisionGate.Describe(again.Decision)}")));
                    if (again.Decision != GateDecision.TrainMoreEpochs)
                        break;
                }

                var last = rechecks[^1];
                outcome = Text($"after epoch {last.Epoch}: R@5 {last.RecallAt5:P1} (epoch 1: {first.RecallAt5:P1}), Δ {last.Separation.Delta:F3}, tier {last.Tier} → {DecisionGate.Describe(last.Decision)}");
                break;
            case GateDecision.CheckFlatIndex:
                flat = session.FlatRetrieval(key, 1);
                verdict = DecisionGate.JudgeFlatAblation(flat.RecallAt5.Estimate);
                path.Add(new("flat ablation", Text($"{flat.IndexDescription}: R@5 {flat.RecallAt5} → {DecisionGate.Describe(verdict.Value)}")));
                outcome = Text($"IVF R@5 {first.RecallAt5:P1}, flat R@5 {flat.RecallAt5.Estimate:P1}: {DecisionGate.Describe(verdict.Value)}");
                break;
            case GateDecision.PivotToTwoTower:
                var towers = key with { Encoder = EncoderKind.Attention, Objective = TrainingObjective.TwoTower };
                twoTower = session.Measure(towers, 1, progress);
                path.Add(new("two-tower", Text($"{towers}, epoch 1 ({twoTower.EpochCpuSeconds:F1} CPU s): {Describe(twoTower)}; R@5 {twoTower.Ivf.RecallAt5}")));
                outcome = Text($"two-tower R@5 {twoTower.RecallAt5:P1}, Δ {twoTower.Separation.Delta:F3}, tier {twoTower.Tier} (single tower: R@5 {first.RecallAt5:P1}, Δ {first.Separation.Delta:F3})");
                break;
            default:
                path.Add(new("action", "none in the gate: continue training (2-10 more epochs)"));
                outcome = Text($"R@5 {first.RecallAt5:P1}, Δ {first.Separation.Delta:F3}, tier {first.Tier}: training continues");
                break;
        }

        return new AutoEvaluationReport(run, first, first.Decision, rechecks, flat, verdict, twoTower, path, outcome);
    }

    private static string Describe(EpochMeasurement m) =>
        Text($"pos {m.Separation.PositiveMean:F3}, neg {m.Separation.NegativeMean:F3}, Δ {m.Separation.Delta:F3}, AUC {m.Separation.Auc:F3}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
