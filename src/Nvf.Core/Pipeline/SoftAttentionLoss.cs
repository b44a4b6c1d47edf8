namespace Nvf.Core.Pipeline;

/// <summary>The loss soft attention is trained with.</summary>
public enum SoftAttentionLoss
{
    /// <summary>Cross-entropy on the logits (cosine / temperature): DESIGN.md's choice, same accuracy, numerically safer.</summary>
    CrossEntropyOnLogits,

    /// <summary>The seed's -log(softmax(logits) + 1e-10) at the label, averaged over the batch.</summary>
    SeedLogSoftmax,
}
