using System.Globalization;
using Nvf.Core.Training;

namespace Nvf.Core.Pipeline;

/// <summary>
/// Evidence that a reranker learned: its validation accuracy before any gradient step (epoch 0, the
/// random initialisation) beside the accuracy of the state training kept.
/// </summary>
/// <param name="Untrained">Validation accuracy of the initial state, a fraction.</param>
/// <param name="Trained">Validation accuracy of the kept state, a fraction.</param>
/// <param name="KeptEpoch">Epoch whose state was kept (0 would mean training never beat the initial state).</param>
/// <param name="Epochs">Epochs trained (early stopping may end before the budget).</param>
public sealed record RerankerLearning(double Untrained, double Trained, int KeptEpoch, int Epochs)
{
    /// <summary>Reads the evidence off a training <paramref name="curve"/> that validated its initial state as epoch 0.</summary>
    public static RerankerLearning Of(TrainingCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Epochs.Count == 0 || curve.Epochs[0].Epoch != 0)
        {
            throw new ArgumentException($"the training curve '{curve.Title}' has no epoch 0; expected training that validates its initial state (early stopping)", nameof(curve));
        }

        var kept = curve.Epochs.Single(e => e.Epoch == curve.KeptEpoch);
        return new RerankerLearning(curve.Epochs[0].ValidationScore, kept.ValidationScore, curve.KeptEpoch, curve.Epochs[^1].Epoch);
    }

    /// <summary>"validation accuracy 31.2% untrained (epoch 0) -> 98.1% at the kept epoch 12 of 15: +66.9 points".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"validation accuracy {100 * Untrained:F1}% untrained (epoch 0) -> {100 * Trained:F1}% at the kept epoch {KeptEpoch} of {Epochs}: {100 * (Trained - Untrained):+0.0;-0.0} points");
}
