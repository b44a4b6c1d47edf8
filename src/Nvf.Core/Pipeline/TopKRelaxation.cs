namespace Nvf.Core.Pipeline;

/// <summary>How a hard Top-K selection is made differentiable.</summary>
public enum TopKRelaxation
{
    /// <summary>Forward: the hard Top-K; backward: the gradient of softmax(logits / τ) (straight-through estimator).</summary>
    StraightThrough,

    /// <summary>
    /// Forward: the hard Top-K of logits + Gumbel noise; backward: K successive relaxed
    /// Gumbel-softmax draws without replacement (the Gumbel top-k trick, relaxed).
    /// </summary>
    GumbelSoftmax,
}
