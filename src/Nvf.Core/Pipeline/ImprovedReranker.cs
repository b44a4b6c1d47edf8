using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Pipeline;

/// <summary>
/// The improved reranker (DESIGN.md's hints: the product features, the soft-attention score as an
/// input feature, a bilinear scorer): score = w·[q * c, r] + b + MLP([q * c, r]), where r is soft
/// attention's logit of the candidate minus its row maximum (&lt;= 0). The linear head w over q * c is
/// a diagonal bilinear form qᵀ diag(w) c: it can express the exact cosine (w = s·1) but starts at
/// PyTorch's default random initialisation, like the MLP (in D + 1 → hidden → hidden/2 → 1, dropout
/// after each ReLU); nothing is initialised to the cosine, so what it reaches it has learned. The
/// seed's MLPs must discover a dot product inside a concatenation; here the product is one linear
/// layer away.
/// </summary>
public sealed class ImprovedReranker : Reranker
{
    private readonly Linear head;
    private readonly Sequential correction;

    /// <summary>Creates the reranker for width <paramref name="dimension"/>, all weights random from <paramref name="generator"/>, dropout masks from <paramref name="dropoutSeed"/>.</summary>
    public ImprovedReranker(int dimension, int hidden, double dropout, Generator generator, ulong dropoutSeed)
    {
        head = RegisterModule("head", new Linear(dimension + 1, 1, generator: generator));
        correction = RegisterModule("correction", ScoringMlp(dimension + 1, hidden, dropout, generator, dropoutSeed));
    }

    /// <summary>The linear head's weight, float32 (1, D + 1): the diagonal of the bilinear form, then the weight of r.</summary>
    public Tensor HeadWeight => head.Weight;

    /// <inheritdoc/>
    public override RerankerDesign Design => RerankerDesign.Improved;

    /// <inheritdoc/>
    public override Tensor Score(Tensor queries, Tensor candidates, Tensor attentionLogits)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(attentionLogits);
        using var scope = new DisposeScope();
        var product = ExpandQuery(queries, candidates) * candidates;                                // (B, K, D)
        var relative = (attentionLogits - attentionLogits.Max(1, keepDim: true)).Unsqueeze(-1);      // (B, K, 1), <= 0
        var features = Tensor.Cat([product, relative], -1);                                         // (B, K, D + 1)
        return scope.MoveOut((head.Forward(features) + correction.Forward(features)).Squeeze(-1));  // (B, K)
    }
}
