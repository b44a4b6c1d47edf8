namespace Nvf.Torch;

/// <summary>
/// The native shim (libnvftorch.so) or libtorch itself could not be loaded, or the shim is stale.
/// The message names the library, the path searched and the command that installs what is missing.
/// </summary>
public sealed class TorchUnavailableException : TorchException
{
    /// <summary>Creates the exception with the full explanation.</summary>
    public TorchUnavailableException(string message, Exception? inner = null)
        : base(message, inner ?? new InvalidOperationException(message))
    {
    }
}
