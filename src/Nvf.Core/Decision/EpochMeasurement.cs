using Nvf.Core.Data;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;
using Nvf.Core.Retrieval;

namespace Nvf.Core.Decision;

/// <summary>
/// A model after one epoch, measured as the seed's auto-evaluation does: separation of its eval
/// predictions, IVF retrieval (R@5, Contain@50), the success tier and the decision.
/// </summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainingLoss">Mean loss over the epoch (nats).</param>
/// <param name="EpochSeconds">Wall time of this epoch's training alone.</param>
/// <param name="EpochCpuSeconds">Process CPU time (user + system) of this epoch's training alone.</param>
/// <param name="Predictions">Unit eval predictions float32 (M, D).</param>
/// <param name="EvalKeys">The eval targets in the retrieval space (targets, or P(targets) for the two-tower model), float32 (M, D).</param>
/// <param name="Separation">Positive and negative cosine, delta, AUC (in-batch negatives of 1,024).</param>
/// <param name="Ivf">Retrieval through the IVF index, nprobe 64, top 50.</param>
public sealed record EpochMeasurement(int Epoch, double TrainingLoss, double EpochSeconds, double EpochCpuSeconds, VectorSet Predictions, VectorSet EvalKeys, SeparationReport Separation, RetrievalReport Ivf)
{
    /// <summary>The seed's R@5 as a fraction.</summary>
    public double RecallAt5 => Ivf.RecallAt5.Estimate;

    /// <summary>The success tier reached.</summary>
    public SuccessTier Tier => SuccessCriteria.Judge(RecallAt5, Separation.Delta);

    /// <summary>The decision tree's leaf.</summary>
    public GateDecision Decision => DecisionGate.Decide(RecallAt5, Separation.Delta);

    /// <summary>The measurement's figures: the separation's and the retrieval's, then "epoch_cpu_seconds" (tracked).</summary>
    public IReadOnlyList<Figure> Figures() => [.. Separation.Figures(), .. Ivf.Figures(), Figure.Seconds("epoch_cpu_seconds", EpochCpuSeconds)];
}
