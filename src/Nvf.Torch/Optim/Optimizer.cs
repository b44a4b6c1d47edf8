using Nvf.Torch.Interop;

namespace Nvf.Torch.Optim;

/// <summary>
/// A libtorch optimizer (torch::optim) over a fixed list of parameters. Its state (moments) lives
/// in native memory until disposed. Typical step: ZeroGrad, forward, loss.Backward(), Step.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private nint handle;
    private double learningRate;

    /// <summary>Takes ownership of a native optimizer handle.</summary>
    private protected Optimizer(nint handle, double learningRate)
    {
        this.handle = handle;
        this.learningRate = learningRate;
    }

    /// <summary>Step size for every parameter; setting it applies from the next <see cref="Step"/> (for schedules).</summary>
    public double LearningRate
    {
        get => learningRate;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            NativeResult.Check(NativeMethods.nvft_optimizer_set_lr(Handle, value));
            learningRate = value;
        }
    }

    private nint Handle => handle != 0 ? handle : throw new ObjectDisposedException(GetType().Name);

    /// <summary>Updates every parameter from its accumulated gradient.</summary>
    public void Step() => NativeResult.Check(NativeMethods.nvft_optimizer_step(Handle));

    /// <summary>Zeroes every parameter's gradient in place (PyTorch 1.13's default zero_grad).</summary>
    public void ZeroGrad() => NativeResult.Check(NativeMethods.nvft_optimizer_zero_grad(Handle));

    /// <summary>Frees the optimizer state. Idempotent.</summary>
    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, 0);
        if (h != 0)
        {
            NativeMethods.nvft_optimizer_free(h);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates the native Adam/AdamW after checking the hyper-parameters.</summary>
    private protected static unsafe nint CreateAdam(IEnumerable<Tensor> parameters, double lr, double beta1, double beta2, double eps, double weightDecay, bool amsgrad, bool decoupled)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(lr);
        ArgumentOutOfRangeException.ThrowIfNegative(eps);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"betas must be in [0, 1), got ({beta1}, {beta2})");
        }

        var handles = parameters.Select(p => p.Handle).ToArray();
        if (handles.Length == 0)
        {
            throw new ArgumentException("the optimizer got no parameters", nameof(parameters));
        }

        fixed (nint* h = handles)
        {
            return NativeResult.Handle(NativeMethods.nvft_adam_new(h, handles.Length, lr, beta1, beta2, eps, weightDecay, amsgrad ? 1 : 0, decoupled ? 1 : 0));
        }
    }
}
