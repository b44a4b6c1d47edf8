using Nvf.Core.Data;

namespace Nvf.Core.Artifacts;

/// <summary>The training samples a run uses: the aligned ones, or the shuffled-target negative control.</summary>
public static class TrainingSamples
{
    /// <summary>
    /// <paramref name="aligned"/> itself, or for <see cref="TrainingTargets.Shuffled"/> a copy whose
    /// targets (and truth keys) are permuted by <paramref name="seed"/>, contexts shared.
    /// </summary>
    public static EvalSet For(EvalSet aligned, TrainingTargets targets, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(aligned);
        if (targets == TrainingTargets.Aligned)
            return aligned;
        var order = new SeededRandom(seed).Permutation(aligned.Count);
        var shuffled = new VectorSet(new float[aligned.Targets.Data.Length], aligned.Count, aligned.Dimension);
        for (var i = 0; i < order.Length; i++)
            aligned.Targets.Row(order[i]).CopyTo(shuffled.Row(i));
        return new EvalSet(aligned.Contexts, aligned.ContextLength, shuffled, order.Select(i => aligned.TruthKeys[i]).ToArray());
    }
}
