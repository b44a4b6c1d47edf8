using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.Retrieval;

namespace Nvf.Core.InfoNce;

/// <summary>
/// What one epoch of training left behind, before any measurement: its loss, its cost and the
/// model's eval predictions at that point.
/// </summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainingLoss">Mean loss over the epoch (nats).</param>
/// <param name="Seconds">Wall time of this epoch's training alone.</param>
/// <param name="CpuSeconds">Process CPU time (user + system) of this epoch's training alone.</param>
/// <param name="Predictions">Unit eval predictions float32 (M, D).</param>
/// <param name="EvalKeys">
/// The eval targets in the space the predictions are retrieved from, float32 (M, D): the targets
/// themselves for a single tower, P(target) for the two-tower model (its separation is measured on
/// cos(Q(ctx), P(target)), the quantity it was trained on).
/// </param>
public sealed record TrainedEpoch(int Epoch, double TrainingLoss, double Seconds, double CpuSeconds, VectorSet Predictions, VectorSet EvalKeys);
