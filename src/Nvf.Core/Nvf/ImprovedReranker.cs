using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Nvf;

/// <summary>
/// The improved reranker (DESIGN.md: "the cosine q·c as an input feature, a bilinear scorer"):
/// score = (q W)·c / τ + MLP([q * c, q·c, soft-attention logit]), W (D, D) initialised to the
/// identity so training starts from the exact cosine (the non-learned control), τ learnable from
/// 0.1 as soft attention's temperature. The MLP (in D + 2 → hidden → hidden/2 → 1, dropout) learns
/// corrections. The seed's MLPs must learn a dot product from a concatenation; here it is given.
/// </summary>
public sealed class ImprovedReranker : Reranker
{
    private readonly Sequential correction;

    /// <summary>Creates the reranker for width <paramref name="dimension"/>.</summary>
    public ImprovedReranker(int dimension, int hidden, double dropout, Generator generator)
    {
        Bilinear = RegisterParameter("bilinear", Tensor.Eye(dimension));
        Temperature = RegisterParameter("temperature", Tensor.Full([], 0.1));
        correction = RegisterModule("correction", ScoringMlp(dimension + 2, hidden, dropout, generator));
    }

    /// <summary>W, float32 (D, D).</summary>
    public Tensor Bilinear { get; }

    /// <summary>τ, float32 scalar.</summary>
    public Tensor Temperature { get; }

    /// <inheritdoc/>
    public override RerankerDesign Design => RerankerDesign.Improved;

    /// <inheritdoc/>
    public override Tensor Score(Tensor queries, Tensor candidates, Tensor attentionLogits)
    {
        ArgumentNullException.ThrowIfNull(attentionLogits);
        using var scope = new DisposeScope();
        var projected = queries.MatMul(Bilinear).Unsqueeze(2);                         // (B, D, 1)
        var bilinear = candidates.Bmm(projected).Squeeze(-1);                         // (B, K)
        var q = ExpandQuery(queries, candidates);                                      // (B, K, D)
        var product = q * candidates;                                                  // (B, K, D)
        var cosine = product.Sum(-1, keepDim: true);                                   // (B, K, 1)
        var features = Tensor.Cat([product, cosine, attentionLogits.Unsqueeze(-1)], -1); // (B, K, D + 2)
        return scope.MoveOut((bilinear / Temperature) + correction.Forward(features).Squeeze(-1));
    }
}
