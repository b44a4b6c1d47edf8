namespace Nvf.Faiss;

/// <summary>
/// FAISS (or the native shim around it) refused an operation. <see cref="Exception.Message"/>
/// carries FAISS's own message, prefixed with what the binding was doing.
/// </summary>
public sealed class FaissException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    public FaissException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps <paramref name="innerException"/>.</summary>
    public FaissException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from a native status code (see nvf_faiss.h).</summary>
    internal FaissException(string message, int nativeStatus)
        : base(message)
    {
        NativeStatus = nativeStatus;
    }

    /// <summary>
    /// The shim's status code: 1 FAISS exception, 2 other C++ exception, 3 out of memory,
    /// 4 unknown native exception, 5 argument rejected by the shim; 0 when not from native code.
    /// </summary>
    public int NativeStatus { get; }
}
