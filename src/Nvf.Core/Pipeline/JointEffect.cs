namespace Nvf.Core.Pipeline;

/// <summary>What joint fine-tuning did to pipeline Top-1, judged by the two Wilson 95% intervals.</summary>
public enum JointEffect
{
    /// <summary>The joint interval lies wholly above the separate one.</summary>
    Helped,

    /// <summary>The intervals overlap: no change the evaluation can resolve.</summary>
    NoClearChange,

    /// <summary>The joint interval lies wholly below the separate one.</summary>
    Hurt,
}
