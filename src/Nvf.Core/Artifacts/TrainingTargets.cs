namespace Nvf.Core.Artifacts;

/// <summary>How training samples pair contexts with targets.</summary>
public enum TrainingTargets
{
    /// <summary>Each context with its real next chunk.</summary>
    Aligned,

    /// <summary>
    /// Negative control: targets permuted across training samples, so no context predicts its
    /// target and the model cannot learn the task (the run that must reach the pivot branch).
    /// </summary>
    Shuffled,
}
