using System.Runtime.InteropServices;

namespace Nvf.Torch.Interop;

/// <summary>Turns the shim's failure values into <see cref="TorchException"/> carrying libtorch's message.</summary>
internal static class NativeResult
{
    /// <summary>Returns <paramref name="handle"/> or throws when it is 0.</summary>
    internal static nint Handle(nint handle) => handle != 0 ? handle : throw LastError();

    /// <summary>Wraps a new native tensor handle, throwing when the call failed.</summary>
    internal static Tensor Tensor(nint handle) => new(Handle(handle));

    /// <summary>Returns <paramref name="status"/> or throws when it is negative.</summary>
    internal static int Check(int status) => status >= 0 ? status : throw LastError();

    /// <summary>Reads a UTF-8 string returned by the shim, throwing when the call failed.</summary>
    internal static string Text(nint text) => Marshal.PtrToStringUTF8(Handle(text)) ?? string.Empty;

    internal static TorchException LastError()
    {
        var message = Marshal.PtrToStringUTF8(NativeMethods.nvft_last_error());
        return new TorchException(string.IsNullOrEmpty(message) ? "libtorch reported a failure without a message" : message);
    }
}
