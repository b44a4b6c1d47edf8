using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>Autograd: gradients accumulate into leaf tensors that require them.</summary>
public sealed partial class Tensor
{
    /// <summary>Whether operations on this tensor are recorded for backward.</summary>
    public bool RequiresGrad
    {
        get => NativeResult.Check(NativeMethods.nvft_requires_grad(Handle)) == 1;
        set => NativeResult.Check(NativeMethods.nvft_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>True for tensors created by the user (parameters), false for results of recorded operations.</summary>
    public bool IsLeaf => NativeResult.Check(NativeMethods.nvft_is_leaf(Handle)) == 1;

    /// <summary>
    /// A new tensor sharing the accumulated gradient's storage (same shape as this), or null when
    /// backward has not reached this tensor yet. Dispose it (or use a scope).
    /// </summary>
    public unsafe Tensor? Grad
    {
        get
        {
            nint grad;
            NativeResult.Check(NativeMethods.nvft_grad(Handle, &grad));
            return grad == 0 ? null : new Tensor(grad);
        }
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this, for fluent parameter creation.</summary>
    public Tensor RequireGrad(bool value = true)
    {
        RequiresGrad = value;
        return this;
    }

    /// <summary>
    /// Back-propagates from this tensor, adding into the gradients of every leaf that requires grad.
    /// A non-scalar tensor needs <paramref name="gradient"/> (same shape).
    /// </summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false) =>
        NativeResult.Check(NativeMethods.nvft_backward(Handle, gradient?.Handle ?? 0, retainGraph ? 1 : 0));

    /// <summary>Drops the accumulated gradient (as zero_grad(set_to_none=True)).</summary>
    public void ZeroGrad() => NativeResult.Check(NativeMethods.nvft_clear_grad(Handle));
}
