using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
namespace Nvf.Core.Decision;

/// <summary>
/// What the auto-evaluation did and found (pure-infonce-sanity-report.md, "Auto-Evaluation Script"):
/// the epoch-1 measurement, the decision, and the action the decision called for.
/// </summary>
/// <param name="Run">The single-tower model that was trained.</param>
/// <param name="EpochOne">Its measurement after epoch 1.</param>
/// <param name="Decision">The decision tree's leaf at epoch 1.</param>
/// <param name="Rechecks">Measurements after the 1-2 extra epochs, when the decision was to train more.</param>
/// <param name="Flat">The flat-index ablation, when the decision was to check it.</param>
/// <param name="FlatVerdict">What the flat ablation says, when it ran.</param>
/// <param name="TwoTower">The two-tower model's epoch-1 measurement, when the decision was to pivot.</param>
/// <param name="Path">Every step taken, in order.</param>
/// <param name="Outcome">What the action found, with numbers (the re-check's R@5 and decision, the flat ablation's verdict, the two-tower's figures).</param>
public sealed record AutoEvaluationReport(
    ModelRun Run,
    EpochMeasurement EpochOne,
    GateDecision Decision,
    IReadOnlyList<EpochMeasurement> Rechecks,
    RetrievalReport? Flat,
    FlatAblationVerdict? FlatVerdict,
    EpochMeasurement? TwoTower,
    IReadOnlyList<AutoEvaluationStep> Path,
    string Outcome)
{
    /// <summary>The action carried out for the decision, in words.</summary>
    public string Action => Decision switch
    {
        GateDecision.CheckFlatIndex => $"flat ablation ran: {DecisionGate.Describe(FlatVerdict!.Value)}",
        GateDecision.PivotToTwoTower => "two-tower model trained and evaluated",
        GateDecision.TrainMoreEpochs => $"trained {Rechecks.Count} more epoch(s) and re-checked",
        _ => "none needed in the gate: the seed continues training for 2-10 more epochs",
    };
}
