using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.Retrieval;

namespace Nvf.Core.InfoNce;

/// <summary>What identifies one training run inside a session (equal keys share one trained model per process).</summary>
/// <param name="Encoder">Context encoder.</param>
/// <param name="Objective">Training objective.</param>
/// <param name="Targets">Aligned or shuffled training targets.</param>
/// <param name="Settings">Hyper-parameters.</param>
public sealed record ModelRunKey(EncoderKind Encoder, TrainingObjective Objective, TrainingTargets Targets, InfoNceSettings Settings)
{
    /// <summary>"attention / pure-infonce", "mlp / pure-infonce (shuffled targets)".</summary>
    public override string ToString() =>
        $"{KebabName.Format(Encoder)} / {KebabName.Format(Objective)}" +
        (Targets == TrainingTargets.Shuffled ? " (shuffled targets)" : "");
}
