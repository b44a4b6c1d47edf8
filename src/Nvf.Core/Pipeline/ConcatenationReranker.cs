using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Pipeline;

/// <summary>The seed's NeuralReranker: score = MLP([q, c]), in 2D → hidden → hidden/2 → 1.</summary>
public sealed class ConcatenationReranker : Reranker
{
    private readonly Sequential compare;
    private readonly int dimension;

    /// <summary>Creates the reranker for width <paramref name="dimension"/>, weights from <paramref name="generator"/>, dropout masks from <paramref name="dropoutSeed"/>.</summary>
    public ConcatenationReranker(int dimension, int hidden, double dropout, Generator generator, ulong dropoutSeed)
    {
        this.dimension = dimension;
        compare = RegisterModule("compare", ScoringMlp(2 * dimension, hidden, dropout, generator, dropoutSeed));
    }

    /// <inheritdoc/>
    public override RerankerDesign Design => RerankerDesign.Concatenation;

    /// <summary>
    /// Scores (B, K). The first layer W [q, c] + b is computed as (W_q q) + (W_c c) + b: the same
    /// function and parameters (compare.0.weight is W, (H, 2D)), but W_q q is computed once per
    /// query instead of once per candidate.
    /// </summary>
    public override Tensor Score(Tensor queries, Tensor candidates, Tensor attentionLogits)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(candidates);
        using var scope = new DisposeScope();
        var first = (Linear)compare.Layers[0];
        var fromQuery = queries.MatMul(WeightBlock(first, 0, dimension).T()).Unsqueeze(1);   // (B, 1, H)
        var fromCandidate = candidates.MatMul(WeightBlock(first, 1, dimension).T());        // (B, K, H)
        var hidden = fromQuery + fromCandidate + first.Bias!;                                 // (B, K, H)
        return scope.MoveOut(ForwardFrom(compare, 1, hidden).Squeeze(-1));                    // (B, K)
    }
}
