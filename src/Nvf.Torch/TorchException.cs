namespace Nvf.Torch;

/// <summary>
/// An operation was rejected by libtorch (shape mismatch, wrong dtype, index out of range, ...).
/// The message is libtorch's own, without its C++ backtrace; the process is unaffected.
/// </summary>
public class TorchException : Exception
{
    /// <summary>Creates the exception with libtorch's message.</summary>
    public TorchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TorchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
