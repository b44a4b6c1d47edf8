using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Pipeline;

/// <summary>The seed's richer reranker: score = MLP([q, c, q - c, q * c]), in 4D → hidden → hidden/2 → 1.</summary>
public sealed class RichFeatureReranker : Reranker
{
    private readonly Sequential compare;
    private readonly int dimension;

    /// <summary>Creates the reranker for width <paramref name="dimension"/>, weights from <paramref name="generator"/>, dropout masks from <paramref name="dropoutSeed"/>.</summary>
    public RichFeatureReranker(int dimension, int hidden, double dropout, Generator generator, ulong dropoutSeed)
    {
        this.dimension = dimension;
        compare = RegisterModule("compare", ScoringMlp(4 * dimension, hidden, dropout, generator, dropoutSeed));
    }

    /// <inheritdoc/>
    public override RerankerDesign Design => RerankerDesign.RichFeatures;

    /// <summary>
    /// Scores (B, K). The first layer W [q, c, q - c, q * c] + b is computed as
    /// (W_q + W_d) q + (W_c - W_d) c + W_p (q * c) + b: the same function and parameters
    /// (compare.0.weight is W, (H, 4D)), with the query's part computed once per query and the
    /// difference folded into the other two blocks (about half the first layer's work).
    /// </summary>
    public override Tensor Score(Tensor queries, Tensor candidates, Tensor attentionLogits)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(candidates);
        using var scope = new DisposeScope();
        var first = (Linear)compare.Layers[0];
        var wq = WeightBlock(first, 0, dimension);                                          // (H, D) each
        var wc = WeightBlock(first, 1, dimension);
        var wd = WeightBlock(first, 2, dimension);
        var wp = WeightBlock(first, 3, dimension);
        var fromQuery = queries.MatMul((wq + wd).T()).Unsqueeze(1);                         // (B, 1, H)
        var fromCandidate = candidates.MatMul((wc - wd).T());                              // (B, K, H)
        var product = ExpandQuery(queries, candidates) * candidates;                        // (B, K, D)
        var hidden = fromQuery + fromCandidate + product.MatMul(wp.T()) + first.Bias!;      // (B, K, H)
        return scope.MoveOut(ForwardFrom(compare, 1, hidden).Squeeze(-1));                 // (B, K)
    }
}
