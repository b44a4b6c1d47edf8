using System.Runtime.InteropServices;

namespace Nvf.Faiss;

/// <summary>
/// Loads and checks the native shim once, and turns its status codes into managed exceptions.
/// A missing or mismatched library becomes one message saying what was looked for, where, and how
/// to install it, instead of a bare <see cref="DllNotFoundException"/> deep inside a call.
/// </summary>
internal static class FaissNativeLibrary
{
    /// <summary>The ABI version this assembly was written against (NVF_FAISS_ABI_VERSION).</summary>
    internal const int ExpectedAbiVersion = 3;

    internal const string FileName = "libnvf_faiss.so";

    internal const string InstallHint =
        "install the native dependencies with `sudo apt-get install libfaiss-dev libblas-dev liblapack-dev " +
        "libopenblas0-pthread cmake g++` (scripts/setup.sh does this), then rebuild src/Nvf.Faiss, whose " +
        "BuildFaissShim target compiles the shim with CMake";

    private static readonly Lazy<bool> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws <see cref="DllNotFoundException"/> with an actionable message when the shim cannot be used.</summary>
    internal static void EnsureLoaded() => _ = Loaded.Value;

    /// <summary>Throws <see cref="FaissException"/> carrying the shim's message when <paramref name="status"/> is not 0.</summary>
    internal static void ThrowIfFailed(int status, string operation)
    {
        if (status == 0)
            return;
        var native = Marshal.PtrToStringUTF8(NativeMethods.LastError()) ?? "(no message)";
        throw new FaissException($"{operation} failed: {native}", status);
    }

    /// <summary>
    /// The OpenMP wait policy in force: the user's OMP_WAIT_POLICY, or PASSIVE, which the binding
    /// sets before FAISS loads libgomp. libgomp spins between parallel regions by default; on 2 cores
    /// shared with builds and other test assemblies that spinning starves the very threads it waits
    /// for (the libtorch binding measured a 20x slowdown at load average ~20).
    /// </summary>
    internal static string OpenMpWaitPolicy { get; private set; } = "";

    /// <summary>The one exception a missing or unloadable shim becomes: what, where, why, and how to fix it.</summary>
    internal static DllNotFoundException NotLoadable(string searched, Exception cause) =>
        new($"The FAISS shim {FileName} could not be loaded (looked for {searched}, then the system library path): " +
            $"{cause.Message}. To fix: {InstallHint}.", cause);

    private static bool Load()
    {
        var userPolicy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        var userSpin = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT");
        OpenMpWaitPolicy = userPolicy ?? (userSpin is null ? "PASSIVE" : $"GOMP_SPINCOUNT={userSpin}");
        if (userPolicy is null && userSpin is null)
            NativeMethods.SetEnv("OMP_WAIT_POLICY", "PASSIVE", overwrite: 0);
        var searched = Path.Combine(AppContext.BaseDirectory, FileName);
        int abi;
        try
        {
            abi = NativeMethods.AbiVersion();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw NotLoadable(searched, e);
        }
        if (abi != ExpectedAbiVersion)
            throw new DllNotFoundException(
                $"The FAISS shim at {searched} has ABI version {abi}, but Nvf.Faiss expects {ExpectedAbiVersion}: " +
                "it is stale; rebuild src/Nvf.Faiss.");
        return true;
    }
}
