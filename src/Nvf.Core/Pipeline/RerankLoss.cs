using Nvf.Torch;

namespace Nvf.Core.Pipeline;

/// <summary>The reranker's K-way cross-entropy over a batch in which some labels are outside the Top-K (those rows do not count).</summary>
public static class RerankLoss
{
    /// <summary>
    /// Mean cross-entropy of <paramref name="scores"/> (B, K) at <paramref name="positions"/> over the
    /// rows whose position is >= 0; 0 (still attached to the graph) when no row counts.
    /// </summary>
    public static Tensor Masked(Tensor scores, IReadOnlyList<int> positions)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positions);
        using var scope = new DisposeScope();
        var mask = Tensor.From(positions.Select(p => p >= 0 ? 1f : 0f).ToArray(), positions.Count);      // (B)
        var targets = Tensor.From(positions.Select(p => (long)Math.Max(p, 0)).ToArray(), positions.Count); // (B)
        var perRow = scores.CrossEntropy(targets, Reduction.None);                                         // (B)
        var counted = Math.Max(1, positions.Count(p => p >= 0));
        return scope.MoveOut((perRow * mask).Sum() / counted);
    }

    /// <summary>Where each label sits among its row of <paramref name="indices"/> (B, K) int64, or -1.</summary>
    public static int[] Positions(Tensor indices, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(labels);
        var k = (int)indices.Size(1);
        var flat = indices.ToArray<long>();
        var positions = new int[labels.Count];
        for (var q = 0; q < positions.Length; q++)
        {
            positions[q] = Array.IndexOf(flat, (long)labels[q], q * k, k) is var at and >= 0 ? at - (q * k) : -1;
        }

        return positions;
    }
}
