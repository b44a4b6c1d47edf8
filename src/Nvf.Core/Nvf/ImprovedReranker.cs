using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Nvf;

/// <summary>
/// The improved reranker (DESIGN.md: "the cosine q·c as an input feature, a bilinear scorer"):
/// score = s (q W)·c + MLP([q * c, q·c, soft-attention logit - its row maximum]), with W (D, D)
/// initialised to the identity, a learnable scale s = exp(log_scale) starting at 10 (soft
/// attention's 1/temperature), and the MLP's last layer initialised to zero: training starts
/// exactly at the exact-cosine control and learns corrections from there. The scale is learnt in
/// log space so it cannot cross zero (a raw temperature stepped by Adam at 1e-3 can). The seed's
/// MLPs must learn a dot product from a concatenation; here it is given.
/// </summary>
public sealed class ImprovedReranker : Reranker
{
    private readonly Sequential correction;

    /// <summary>Creates the reranker for width <paramref name="dimension"/>.</summary>
    public ImprovedReranker(int dimension, int hidden, double dropout, Generator generator)
    {
        Bilinear = RegisterParameter("bilinear", Tensor.Eye(dimension));
        LogScale = RegisterParameter("log_scale", Tensor.Full([], Math.Log(10)));
        correction = RegisterModule("correction", ScoringMlp(dimension + 2, hidden, dropout, generator));
        var last = (Linear)correction.Layers[^1];
        using var noGrad = new NoGradScope();
        last.Weight.Fill(0);
        last.Bias!.Fill(0);
    }

    /// <summary>W, float32 (D, D).</summary>
    public Tensor Bilinear { get; }

    /// <summary>log s, float32 scalar.</summary>
    public Tensor LogScale { get; }

    /// <inheritdoc/>
    public override RerankerDesign Design => RerankerDesign.Improved;

    /// <inheritdoc/>
    public override Tensor Score(Tensor queries, Tensor candidates, Tensor attentionLogits)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(attentionLogits);
        using var scope = new DisposeScope();
        var projected = queries.MatMul(Bilinear).Unsqueeze(2);                          // (B, D, 1)
        var bilinear = candidates.Bmm(projected).Squeeze(-1);                          // (B, K)
        var product = ExpandQuery(queries, candidates) * candidates;                    // (B, K, D)
        var cosine = product.Sum(-1, keepDim: true);                                    // (B, K, 1)
        var relative = (attentionLogits - attentionLogits.Max(1, keepDim: true)).Unsqueeze(-1); // (B, K, 1), <= 0
        var features = Tensor.Cat([product, cosine, relative], -1);                     // (B, K, D + 2)
        return scope.MoveOut((LogScale.Exp() * bilinear) + correction.Forward(features).Squeeze(-1));
    }
}
