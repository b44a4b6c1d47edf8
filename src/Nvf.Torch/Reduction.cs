namespace Nvf.Torch;

/// <summary>How a loss combines its per-example values (codes match at::Reduction).</summary>
public enum Reduction
{
    /// <summary>One loss per example.</summary>
    None = 0,

    /// <summary>Mean over examples (PyTorch's default).</summary>
    Mean = 1,

    /// <summary>Sum over examples (useful with gradient accumulation).</summary>
    Sum = 2,
}
