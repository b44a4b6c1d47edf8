using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Nvf;

/// <summary>The seed's richer reranker: score = MLP([q, c, q - c, q * c]), in 4D → hidden → hidden/2 → 1.</summary>
public sealed class RichFeatureReranker : Reranker
{
    private readonly Sequential compare;

    /// <summary>Creates the reranker for width <paramref name="dimension"/>.</summary>
    public RichFeatureReranker(int dimension, int hidden, double dropout, Generator generator) =>
        compare = RegisterModule("compare", ScoringMlp(4 * dimension, hidden, dropout, generator));

    /// <inheritdoc/>
    public override RerankerDesign Design => RerankerDesign.RichFeatures;

    /// <inheritdoc/>
    public override Tensor Score(Tensor queries, Tensor candidates, Tensor attentionLogits)
    {
        using var scope = new DisposeScope();
        var q = ExpandQuery(queries, candidates);                                      // (B, K, D)
        var features = Tensor.Cat([q, candidates, q - candidates, q * candidates], -1); // (B, K, 4D)
        return scope.MoveOut(compare.Forward(features).Squeeze(-1));                   // (B, K)
    }
}
