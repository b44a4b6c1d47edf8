using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>Neural-network functions (torch.nn.functional).</summary>
public sealed partial class Tensor
{
    /// <summary>Softmax along <paramref name="dim"/>.</summary>
    public Tensor Softmax(long dim) => NativeResult.Tensor(NativeMethods.nvft_softmax(Handle, dim));

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably.</summary>
    public Tensor LogSoftmax(long dim) => NativeResult.Tensor(NativeMethods.nvft_log_softmax(Handle, dim));

    /// <summary>
    /// F.cross_entropy of these logits (N, C) float32 against <paramref name="target"/> (N) int64 class
    /// indices in [0, C). With <see cref="Reduction.Mean"/> a scalar, with None shape (N).
    /// </summary>
    public Tensor CrossEntropy(Tensor target, Reduction reduction = Reduction.Mean, double labelSmoothing = 0.0)
    {
        ArgumentNullException.ThrowIfNull(target);
        return NativeResult.Tensor(NativeMethods.nvft_cross_entropy(Handle, target.Handle, (int)reduction, labelSmoothing));
    }

    /// <summary>F.normalize: x / max(‖x‖_p, eps) along <paramref name="dim"/> (unit L2 rows by default).</summary>
    public Tensor Normalize(long dim = -1, double p = 2.0, double eps = 1e-12) =>
        NativeResult.Tensor(NativeMethods.nvft_normalize(Handle, p, dim, eps));

    /// <summary>F.layer_norm over the trailing <paramref name="normalizedShape"/>; weight and bias optional.</summary>
    public unsafe Tensor LayerNorm(long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        fixed (long* s = normalizedShape)
        {
            return NativeResult.Tensor(NativeMethods.nvft_layer_norm(Handle, s, normalizedShape.Length, weight?.Handle ?? 0, bias?.Handle ?? 0, eps));
        }
    }

    /// <summary>F.dropout: zeroes elements with probability <paramref name="p"/> and scales the rest by 1/(1-p) when training.</summary>
    public Tensor Dropout(double p, bool training) => NativeResult.Tensor(NativeMethods.nvft_dropout(Handle, p, training ? 1 : 0));

    /// <summary>F.linear: x Wᵀ + b with <paramref name="weight"/> (out, in) and optional <paramref name="bias"/> (out).</summary>
    public Tensor Linear(Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return NativeResult.Tensor(NativeMethods.nvft_linear(Handle, weight.Handle, bias?.Handle ?? 0));
    }
}
