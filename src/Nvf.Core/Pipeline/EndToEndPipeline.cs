using Nvf.Torch;

namespace Nvf.Core.Pipeline;

/// <summary>
/// The whole pipeline as one differentiable function: soft attention's logits, a
/// <see cref="DifferentiableTopK"/> selection, the selected candidates and their logits, the
/// reranker's scores. Used by the gradient-flow probe and by joint fine-tuning.
/// </summary>
public static class EndToEndPipeline
{
    /// <summary>
    /// Reranker scores float32 (B, K) and the hard candidate rows int64 (B, K) for queries (B, D),
    /// with the graph recorded back to soft attention's parameters.
    /// </summary>
    public static (Tensor Scores, Tensor Indices) Forward(SoftAttentionModel softAttention, Reranker reranker, Tensor database, Tensor queries, int k, TopKRelaxation relaxation, double temperature, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(softAttention);
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(queries);
        using var scope = new DisposeScope();
        var logits = softAttention.Logits(queries, database);                                     // (B, N)
        var (selection, indices) = DifferentiableTopK.Select(logits, k, relaxation, temperature, generator); // (B, K, N), (B, K)
        var candidates = selection.MatMul(database);                                              // (B, K, D)
        var candidateLogits = (selection * logits.Unsqueeze(1)).Sum(-1);                          // (B, K)
        var scores = reranker.Score(queries, candidates, candidateLogits);                        // (B, K)
        return (scope.MoveOut(scores), scope.MoveOut(indices));
    }
}
