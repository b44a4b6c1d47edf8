using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
namespace Nvf.Core.Decision;

/// <summary>The four leaves of the epoch-1 decision tree (pure-infonce-sanity-report.md, "Decision Tree").</summary>
public enum GateDecision
{
    /// <summary>R@5 >= 5%: continue training (2-10 more epochs).</summary>
    ContinueTraining,

    /// <summary>0% &lt; R@5 &lt; 5%: train 1-2 more epochs and re-check.</summary>
    TrainMoreEpochs,

    /// <summary>R@5 = 0% with delta >= 0.10: check the FLAT index (may be an ANN issue).</summary>
    CheckFlatIndex,

    /// <summary>R@5 = 0% with delta &lt; 0.10: pivot to the two-tower architecture (the seed's option 4).</summary>
    PivotToTwoTower,
}
