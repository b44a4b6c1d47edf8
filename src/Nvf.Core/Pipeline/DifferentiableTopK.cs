using Nvf.Torch;

namespace Nvf.Core.Pipeline;

/// <summary>
/// A Top-K whose forward pass is the hard selection and whose backward pass reaches the logits,
/// so a loss on the reranked answer trains soft attention too (the seed: "must still have
/// gradients flowing"). The selection is a matrix S (B, K, N) with one 1 per row in the forward
/// pass; candidates = S · database.
/// </summary>
public static class DifferentiableTopK
{
    /// <summary>
    /// Selection float32 (B, K, N) and the hard indices int64 (B, K) from <paramref name="logits"/>
    /// (B, N). <paramref name="temperature"/> scales the relaxation's softmax; <paramref name="generator"/>
    /// draws the Gumbel noise (ignored by straight-through).
    /// </summary>
    public static (Tensor Selection, Tensor Indices) Select(Tensor logits, int k, TopKRelaxation relaxation, double temperature, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        using var scope = new DisposeScope();
        var n = logits.Size(1);
        var keys = relaxation == TopKRelaxation.GumbelSoftmax ? logits + Gumbel(logits.Shape, generator) : logits; // (B, N)
        Tensor indices;
        using (new NoGradScope())
        {
            indices = keys.TopK(k, 1).Indices;                                                      // (B, K)
        }

        var hard = indices.Unsqueeze(-1).Eq(Tensor.Arange(n).Reshape(1, 1, n)).To(DType.Float32); // (B, K, N) one-hot rows
        var soft = relaxation == TopKRelaxation.GumbelSoftmax
            ? SuccessiveSoftmax(keys / temperature, k)                                              // (B, K, N)
            : (logits / temperature).Softmax(1).Unsqueeze(1).Expand(logits.Size(0), k, n);        // (B, K, N)
        var selection = hard + soft - soft.Detach();                                              // value: hard; gradient: soft's
        return (scope.MoveOut(selection), scope.MoveOut(indices));
    }

    // Relaxed sampling without replacement: after each draw p, the keys of what was drawn are
    // lowered by log(1 - p), so the next softmax favours the rest (Xie and Ermon 2019).
    private static Tensor SuccessiveSoftmax(Tensor keys, int k)
    {
        using var scope = new DisposeScope();
        var draws = new List<Tensor>(k);
        var current = keys;
        for (var j = 0; j < k; j++)
        {
            var p = current.Softmax(1);                                 // (B, N)
            draws.Add(p);
            current = current + (1 - p).ClampMin(1e-20).Log();
        }

        return scope.MoveOut(Tensor.Stack(draws, 1));                 // (B, K, N)
    }

    private static Tensor Gumbel(long[] shape, Generator? generator)
    {
        using var scope = new DisposeScope();
        var uniform = Tensor.Rand(shape, generator).ClampMin(1e-20);   // U(0, 1), away from 0
        return scope.MoveOut(-(-uniform.Log()).ClampMin(1e-20).Log());
    }
}
