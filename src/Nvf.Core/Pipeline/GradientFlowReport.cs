namespace Nvf.Core.Pipeline;

/// <summary>L2 norms of the gradients a loss on the pipeline's final answer sent to each tensor that was probed.</summary>
/// <param name="Description">What was back-propagated, e.g. "reranker loss, straight-through Top-5, 256 queries".</param>
/// <param name="Norms">Tensor or parameter name → L2 norm of its gradient (0 when none arrived).</param>
public sealed record GradientFlowReport(string Description, IReadOnlyList<KeyValuePair<string, double>> Norms)
{
    /// <summary>True when every probed tensor received a gradient of non-zero, finite norm.</summary>
    public bool AllNonZero => Norms.Count > 0 && Norms.All(n => n.Value > 0 && double.IsFinite(n.Value));

    /// <summary>The norm of the first probed tensor whose name starts with <paramref name="prefix"/>.</summary>
    public double NormOf(string prefix) =>
        Norms.FirstOrDefault(n => n.Key.StartsWith(prefix, StringComparison.Ordinal)) is { Key: not null } hit
            ? hit.Value
            : throw new KeyNotFoundException($"no probed tensor named '{prefix}...'; probed: {string.Join(", ", Norms.Select(n => n.Key))}");

    /// <summary>Names of the probed tensors whose gradient is zero, missing or not finite.</summary>
    public IReadOnlyList<string> Dead => Norms.Where(n => !(n.Value > 0 && double.IsFinite(n.Value))).Select(n => n.Key).ToList();
}
