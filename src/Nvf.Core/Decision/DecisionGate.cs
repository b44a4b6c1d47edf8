using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
namespace Nvf.Core.Decision;

/// <summary>
/// The seed's epoch-1 decision tree as a pure function (pure-infonce-sanity-report.md, "Decision
/// Tree"): R@5 > 0% splits on R@5 >= 5% (continue) or below (train 1-2 more epochs); R@5 = 0%
/// splits on delta >= 0.10 (check the flat index) or below (pivot to two-tower).
/// R@5 is a fraction in [0, 1]; delta is mean positive minus mean negative cosine.
/// </summary>
public static class DecisionGate
{
    /// <summary>R@5 at or above which training continues: 5% (the seed's "R@5 ≥ 5%").</summary>
    public const double ContinueRecall = 0.05;

    /// <summary>Delta at or above which a zero R@5 is blamed on the index first: 0.10 (the seed's "Δ ≥ 0.10").</summary>
    public const double FlatCheckDelta = 0.10;

    /// <summary>The leaf of the tree that <paramref name="recallAt5"/> and <paramref name="delta"/> reach.</summary>
    public static GateDecision Decide(double recallAt5, double delta)
    {
        if (double.IsNaN(recallAt5) || recallAt5 is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(recallAt5), recallAt5, "expected R@5 as a fraction in [0, 1]");
        if (!double.IsFinite(delta) || delta is < -2 or > 2)
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "expected delta = pos - neg cosine in [-2, 2]");
        if (recallAt5 > 0)
            return recallAt5 >= ContinueRecall ? GateDecision.ContinueTraining : GateDecision.TrainMoreEpochs;
        return delta >= FlatCheckDelta ? GateDecision.CheckFlatIndex : GateDecision.PivotToTwoTower;
    }

    /// <summary>
    /// The seed's reading of the flat ablation, asked only after the IVF index gave R@5 = 0%: if the
    /// exact (flat) index still finds nothing, the model is the issue, not the ANN index.
    /// </summary>
    public static FlatAblationVerdict JudgeFlatAblation(double flatRecallAt5)
    {
        if (double.IsNaN(flatRecallAt5) || flatRecallAt5 is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(flatRecallAt5), flatRecallAt5, "expected flat R@5 as a fraction in [0, 1]");
        return flatRecallAt5 > 0 ? FlatAblationVerdict.AnnIsTheIssue : FlatAblationVerdict.ModelIsTheIssue;
    }

    /// <summary>The seed's wording of a decision: "continue training", "train 1-2 more epochs", "check the flat index", "pivot to two-tower".</summary>
    public static string Describe(GateDecision decision) => decision switch
    {
        GateDecision.ContinueTraining => "continue training",
        GateDecision.TrainMoreEpochs => "train 1-2 more epochs",
        GateDecision.CheckFlatIndex => "check the flat index",
        GateDecision.PivotToTwoTower => "pivot to two-tower",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "expected one of the four leaves of the decision tree"),
    };

    /// <summary>The seed's wording of a flat-ablation verdict: "model is the issue, not ANN" or "ANN issue: the flat index finds what IVF missed".</summary>
    public static string Describe(FlatAblationVerdict verdict) => verdict switch
    {
        FlatAblationVerdict.ModelIsTheIssue => "model is the issue, not ANN",
        FlatAblationVerdict.AnnIsTheIssue => "ANN issue: the flat index finds what IVF missed",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "expected a flat ablation verdict"),
    };
}
