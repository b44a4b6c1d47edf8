namespace Nvf.Core.Training;

/// <summary>One point of a training curve.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainingLoss">Mean minibatch loss over the epoch (nats, cross-entropy).</param>
/// <param name="ValidationScore">Validation metric after the epoch (a fraction, higher is better), or NaN when none was measured.</param>
/// <param name="Seconds">Wall-clock seconds since training started, at the end of this epoch.</param>
public sealed record EpochRecord(int Epoch, double TrainingLoss, double ValidationScore, double Seconds);
