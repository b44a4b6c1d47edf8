using System.Globalization;
using Nvf.Core.Artifacts;

namespace Nvf.Core.InfoNce;

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

    /// <summary>Runs the auto-evaluation of <paramref name="encoder"/> trained on <paramref name="objective"/> in <paramref name="session"/>.</summary>
    public static AutoEvaluationReport Run(InfoNceSession session, InfoNceRunConfig config, EncoderKind encoder, TrainingObjective objective)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(config);
        var path = new List<AutoEvaluationStep>();
        var key = new ModelRunKey(encoder, objective, config.Targets, config.Training);
        var run = session.Train(key, 1);
        var first = run.At(1);
        path.Add(new("train", Text($"{key}, epoch 1: {run.Training.StepsPerEpoch} steps of {config.Training.EffectiveBatch}, loss {first.TrainingLoss:F3}, {first.EpochSeconds:F1} s")));
        path.Add(new("separation", Describe(first)));
        path.Add(new("IVF retrieval", Text($"{first.Ivf.IndexDescription}, top {first.Ivf.TopK}: R@5 {first.Ivf.RecallAt5}, Contain@50 {first.Ivf.ContainAt50}")));
        path.Add(new("decision", Text($"R@5 {first.RecallAt5:P2}, Δ {first.Separation.Delta:F3} → {DecisionGate.Describe(first.Decision)}")));

        var rechecks = new List<EpochMeasurement>();
        RetrievalReport? flat = null;
        FlatAblationVerdict? verdict = null;
        EpochMeasurement? twoTower = null;
        switch (first.Decision)
        {
            case GateDecision.TrainMoreEpochs:
                for (var epoch = 2; epoch <= 1 + MaxExtraEpochs; epoch++)
                {
                    var again = session.Train(key, epoch).At(epoch);
                    rechecks.Add(again);
                    path.Add(new($"re-check after epoch {epoch}", Text($"R@5 {again.RecallAt5:P2}, Δ {again.Separation.Delta:F3} → {DecisionGate.Describe(again.Decision)}")));
                    if (again.Decision != GateDecision.TrainMoreEpochs)
                        break;
                }

                break;
            case GateDecision.CheckFlatIndex:
                flat = session.FlatRetrieval(key, 1);
                verdict = DecisionGate.JudgeFlatAblation(flat.RecallAt5.Estimate);
                path.Add(new("flat ablation", Text($"{flat.IndexDescription}: R@5 {flat.RecallAt5} → {DecisionGate.Describe(verdict.Value)}")));
                break;
            case GateDecision.PivotToTwoTower:
                var towers = session.Train(key with { Encoder = EncoderKind.Attention, Objective = TrainingObjective.TwoTower }, 1);
                twoTower = towers.At(1);
                path.Add(new("two-tower", Text($"{towers.Key}, epoch 1 ({twoTower.EpochSeconds:F1} s): {Describe(twoTower)}; R@5 {twoTower.Ivf.RecallAt5}")));
                break;
            default:
                path.Add(new("action", "none in the gate: continue training (2-10 more epochs)"));
                break;
        }

        return new AutoEvaluationReport(run, first, first.Decision, rechecks, flat, verdict, twoTower, path);
    }

    private static string Describe(EpochMeasurement m) =>
        Text($"pos {m.Separation.PositiveMean:F3}, neg {m.Separation.NegativeMean:F3}, Δ {m.Separation.Delta:F3}, AUC {m.Separation.Auc:F3}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
