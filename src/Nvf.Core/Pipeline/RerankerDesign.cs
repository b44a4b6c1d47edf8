namespace Nvf.Core.Pipeline;

/// <summary>The reranker architectures compared by the gate.</summary>
public enum RerankerDesign
{
    /// <summary>The seed's NeuralReranker: an MLP on the concatenation [q, c].</summary>
    Concatenation,

    /// <summary>The seed's richer variant: an MLP on [q, c, q - c, q * c].</summary>
    RichFeatures,

    /// <summary>
    /// This project's improvement (DESIGN.md's hints): a random-initialised linear head over
    /// [q * c, soft-attention logit] (a diagonal bilinear form that can express the cosine but must
    /// learn it) plus an MLP over the same features; trained with early stopping.
    /// </summary>
    Improved,
}
