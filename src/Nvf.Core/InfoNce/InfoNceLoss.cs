using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
using Nvf.Torch;

namespace Nvf.Core.InfoNce;

/// <summary>
/// The losses of pure-infonce-sanity-report.md, on unit vectors so that inner product is cosine.
/// InfoNCE with in-batch negatives: L = -log(exp(cos(q_i, k_i)/τ) / Σ_j exp(cos(q_i, k_j)/τ)),
/// computed as cross-entropy on the logits q kᵀ / τ with label i for row i (the same value, and
/// numerically safer than a log of a softmax).
/// </summary>
public static class InfoNceLoss
{
    /// <summary>The seed's temperature τ = 0.07.</summary>
    public const double SeedTemperature = 0.07;

    /// <summary>Mean InfoNCE of unit queries (B, D) against unit keys (B, D), key i being query i's positive and every other key a negative.</summary>
    public static Tensor Compute(Tensor queries, Tensor keys, double temperature)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(keys);
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "expected a positive finite temperature (the seed's is 0.07)");
        if (!queries.Shape.SequenceEqual(keys.Shape) || queries.Rank != 2)
            throw new ArgumentException($"expected queries and keys of one shape (B, D); got ({string.Join(", ", queries.Shape)}) and ({string.Join(", ", keys.Shape)})", nameof(keys));
        using var scope = new DisposeScope();
        var logits = queries.Mm(keys.T()) / temperature;                 // (B, B)
        return scope.MoveOut(logits.CrossEntropy(Tensor.Arange(queries.Size(0))));
    }

    /// <summary>The AR cosine loss of V1: mean over rows of 1 - cos(prediction, target), both unit (B, D).</summary>
    public static Tensor CosineDistance(Tensor predictions, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = new DisposeScope();
        return scope.MoveOut(1.0 - (predictions * targets).Sum(-1).Mean());
    }
}
