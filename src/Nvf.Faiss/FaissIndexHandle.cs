using System.Runtime.InteropServices;

namespace Nvf.Faiss;

/// <summary>
/// Owns one <c>faiss::Index*</c> handed out by the shim. SafeHandle guarantees a single
/// <c>nvf_faiss_free</c> however often <see cref="FaissIndex.Dispose"/> runs, and none while a
/// P/Invoke is still using the handle.
/// </summary>
internal sealed class FaissIndexHandle : SafeHandle
{
    /// <summary>Invalid until the marshaller stores the native pointer (P/Invoke out parameter).</summary>
    public FaissIndexHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => NativeMethods.Free(handle) == 0;
}
