using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Nvf;

/// <summary>The seed's NeuralReranker: score = MLP([q, c]), in 2D → hidden → hidden/2 → 1.</summary>
public sealed class ConcatenationReranker : Reranker
{
    private readonly Sequential compare;

    /// <summary>Creates the reranker for width <paramref name="dimension"/>.</summary>
    public ConcatenationReranker(int dimension, int hidden, double dropout, Generator generator) =>
        compare = RegisterModule("compare", ScoringMlp(2 * dimension, hidden, dropout, generator));

    /// <inheritdoc/>
    public override RerankerDesign Design => RerankerDesign.Concatenation;

    /// <inheritdoc/>
    public override Tensor Score(Tensor queries, Tensor candidates, Tensor attentionLogits)
    {
        using var scope = new DisposeScope();
        var pairs = Tensor.Cat([ExpandQuery(queries, candidates), candidates], -1);   // (B, K, 2D)
        return scope.MoveOut(compare.Forward(pairs).Squeeze(-1));                      // (B, K)
    }
}
