using Nvf.Cli.CommandLine;
using Nvf.Core.History;
using Nvf.Core.InfoNce;

namespace Nvf.Cli.Gate;

/// <summary>
/// The exit code `nvf evaluate` and `nvf watch` give for a recorded run of the predictions feature, so a training
/// script can branch on it (docs/infonce.md, "Your own model"): the decision of the seed's tree, read from the metrics the
/// run recorded (R@5 and Δ of the predictions, and the flat ablation's R@5 when it ran).
/// </summary>
public static class EvaluationVerdict
{
    /// <summary>R@5 ≥ 5%: continue training (2-10 more epochs).</summary>
    public const int ContinueTraining = ExitCodes.Passed;

    /// <summary>A plumbing check failed (normalization, oracle recall, eval alignment): fix the data first.</summary>
    public const int PlumbingFailed = 3;

    /// <summary>0 &lt; R@5 &lt; 5%: train 1-2 more epochs and evaluate again.</summary>
    public const int TrainMore = 4;

    /// <summary>R@5 = 0, Δ ≥ 0.10, and the flat index finds what IVF missed: an ANN issue (rebuild or re-check the index).</summary>
    public const int AnnIssue = 5;

    /// <summary>R@5 = 0, Δ ≥ 0.10, and the flat index finds nothing either: the model is the issue.</summary>
    public const int ModelIssue = 6;

    /// <summary>R@5 = 0 and Δ &lt; 0.10: pivot to the two-tower model.</summary>
    public const int PivotToTwoTower = 7;

    /// <summary>The metric names the predictions feature records.</summary>
    public const string RecallMetric = "infonce.predictions.r_at_5", DeltaMetric = "infonce.predictions.delta", FlatMetric = "infonce.predictions.flat.r_at_5";

    /// <summary>The exit code for <paramref name="record"/>, with one line saying why.</summary>
    /// <param name="record">A run that ran the predictions feature (and the plumbing feature).</param>
    public static (int Code, string Why) Of(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plumbing = record.Scenarios.Where(s => s.Tags.Contains("plumbing") && s.Status is not ("passed" or "skipped")).ToList();
        if (plumbing.Count > 0)
            return (PlumbingFailed, $"plumbing failed: {string.Join("; ", plumbing.Select(s => s.Scenario))} (the report shows each check's table)");
        var failed = record.Scenarios.Where(s => s.Status is not ("passed" or "skipped")).ToList();
        if (failed.Count > 0)
            return (ExitCodes.Failed, $"the gate failed: {string.Join("; ", failed.Select(s => s.Scenario))} (the report shows why)");
        if (record.Metric(RecallMetric) is not { } recall || record.Metric(DeltaMetric) is not { } delta)
            return (ExitCodes.Failed, $"the predictions were not evaluated: {string.Join("; ", record.Scenarios.Where(s => s.Tags.Contains("predictions")).Select(s => $"{s.Scenario}: {s.Status}{(s.Problem is null ? "" : ", " + s.Problem)}"))}");
        var decision = DecisionGate.Decide(recall.Value, delta.Value);
        var text = $"{DecisionGate.Describe(decision)} (R@5 {recall.Value:P1}, Δ {delta.Value:F3})";
        return decision switch
        {
            GateDecision.ContinueTraining => (ContinueTraining, text),
            GateDecision.TrainMoreEpochs => (TrainMore, text),
            GateDecision.PivotToTwoTower => (PivotToTwoTower, text),
            _ when record.Metric(FlatMetric) is { } flat => DecisionGate.JudgeFlatAblation(flat.Value) == FlatAblationVerdict.AnnIsTheIssue
                ? (AnnIssue, $"{text}; flat R@5 {flat.Value:P1}: {DecisionGate.Describe(FlatAblationVerdict.AnnIsTheIssue)}")
                : (ModelIssue, $"{text}; flat R@5 {flat.Value:P1}: {DecisionGate.Describe(FlatAblationVerdict.ModelIsTheIssue)}"),
            _ => (ExitCodes.Failed, $"{text}, but no flat ablation was recorded"),
        };
    }
}
