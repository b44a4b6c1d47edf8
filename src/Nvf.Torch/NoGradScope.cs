using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>
/// Disables autograd recording on this thread until disposed (torch.no_grad()): use it for
/// evaluation and for in-place parameter edits. Restores the previous state, so scopes nest.
/// </summary>
public sealed class NoGradScope : IDisposable
{
    private readonly int previous;
    private bool disposed;

    /// <summary>Turns recording off for the current thread.</summary>
    public NoGradScope() => previous = NativeResult.Check(NativeMethods.nvft_set_grad_enabled(0));

    /// <summary>Restores the recording state that held before this scope.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            NativeResult.Check(NativeMethods.nvft_set_grad_enabled(previous));
        }
    }
}
