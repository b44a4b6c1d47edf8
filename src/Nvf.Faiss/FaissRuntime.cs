namespace Nvf.Faiss;

/// <summary>Process-wide facts and settings of the native FAISS library behind the binding.</summary>
public static class FaissRuntime
{
    /// <summary>
    /// Returns the native heap pages freed indexes left behind to the system (glibc's malloc_trim): malloc keeps
    /// what it frees for reuse, so after a 1.8 GB index is disposed the process would otherwise stay that large.
    /// True when memory was returned.
    /// </summary>
    public static bool ReturnFreedMemory() => OperatingSystem.IsLinux() && NativeMethods.MallocTrim(0) == 1;

    /// <summary>The FAISS version compiled into the shim, e.g. "1.7.3" (Debian libfaiss-dev).</summary>
    public static string Version
    {
        get
        {
            FaissNativeLibrary.EnsureLoaded();
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.Version(out var major, out var minor, out var patch), "reading the FAISS version");
            return $"{major}.{minor}.{patch}";
        }
    }

    /// <summary>
    /// OpenMP threads FAISS uses for calls made from the calling thread (OpenMP keeps this setting
    /// per calling thread; threads that never set it use OMP_NUM_THREADS or the core count).
    /// </summary>
    public static int ThreadCount
    {
        get
        {
            FaissNativeLibrary.EnsureLoaded();
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.GetThreads(out var threads), "reading the OpenMP thread count");
            return threads;
        }
        set
        {
            if (value <= 0)
                throw new ArgumentOutOfRangeException(nameof(value), value, "expected a thread count >= 1");
            FaissNativeLibrary.EnsureLoaded();
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.SetThreads(value), "setting the OpenMP thread count");
        }
    }

    /// <summary>
    /// OpenMP's wait policy for this process: the OMP_WAIT_POLICY the user set, otherwise PASSIVE,
    /// which the binding sets before libgomp loads (spinning waits starve busy 2-core machines).
    /// If another library loaded libgomp first, its policy was fixed then.
    /// </summary>
    public static string OpenMpWaitPolicy
    {
        get
        {
            FaissNativeLibrary.EnsureLoaded();
            return FaissNativeLibrary.OpenMpWaitPolicy;
        }
    }

    /// <summary>
    /// Indexes the shim has handed out and not yet freed, in this process. Disposing every
    /// <see cref="FaissIndex"/> brings it back to where it was: the leak check of the tests.
    /// </summary>
    public static long LiveIndexCount
    {
        get
        {
            FaissNativeLibrary.EnsureLoaded();
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.LiveIndexes(out var count), "counting live indexes");
            return count;
        }
    }
}
