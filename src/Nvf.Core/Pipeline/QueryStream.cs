namespace Nvf.Core.Pipeline;

/// <summary>
/// Which query set a seed is for. Each purpose draws from its own stream of the seed, so training,
/// reranker-training, fine-tuning and evaluation queries never coincide.
/// </summary>
public enum QueryStream
{
    /// <summary>Soft attention's training queries.</summary>
    SoftAttentionTraining = 1,

    /// <summary>The reranker's training and validation queries.</summary>
    RerankerTraining = 2,

    /// <summary>Joint fine-tuning queries.</summary>
    JointTraining = 3,

    /// <summary>Fresh evaluation queries.</summary>
    Evaluation = 4,
}
