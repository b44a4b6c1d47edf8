namespace Nvf.Core.Nvf;

/// <summary>The reranker architectures compared by the gate.</summary>
public enum RerankerDesign
{
    /// <summary>The seed's NeuralReranker: an MLP on the concatenation [q, c].</summary>
    Concatenation,

    /// <summary>The seed's richer variant: an MLP on [q, c, q - c, q * c].</summary>
    RichFeatures,

    /// <summary>
    /// This project's improvement (DESIGN.md's hints): a bilinear scorer s qᵀWc initialised at the
    /// identity (the exact cosine) with a learnable scale, plus a zero-initialised MLP correction
    /// over [q * c, q·c, soft-attention logit]; trained with early stopping.
    /// </summary>
    Improved,
}
