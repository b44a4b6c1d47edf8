using System.Reflection;
using System.Runtime.InteropServices;

namespace Nvf.Torch.Interop;

/// <summary>
/// Loads libnvftorch.so from beside the Nvf.Torch assembly (where the build copies it) and checks
/// its ABI version, so that a missing libtorch or a stale shim fails once, with one clear message,
/// instead of as a DllNotFoundException/EntryPointNotFoundException deep inside some operation.
/// </summary>
internal static class NativeLibraryLoader
{
    /// <summary>File name of the shim; NativeMethods imports it under this name.</summary>
    internal const string FileName = "libnvftorch.so";

    /// <summary>Must equal NVFT_ABI_VERSION in native/shim.h.</summary>
    internal const int AbiVersion = 5;

    internal const string InstallCommand = "sudo apt-get install libtorch-dev libopenblas0-pthread cmake g++";

    private static readonly Lazy<nint> Handle = new(() => Load(AssemblyDirectory()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the resolver; called by NativeMethods' static constructor.</summary>
    internal static void Register(Assembly assembly) =>
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => name == NativeMethods.Library ? Handle.Value : 0);

    /// <summary>Loads the shim from <paramref name="directory"/> or throws <see cref="TorchUnavailableException"/>.</summary>
    internal static unsafe nint Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new TorchUnavailableException(
                $"The libtorch shim {FileName} was not found at {path}. It is built by Nvf.Torch.csproj (CMake over " +
                $"libtorch 1.13) and copied beside the assemblies; install the native toolchain with `{InstallCommand}` and rebuild.");
        }

        PreferPassiveOpenMpWaits();
        nint handle;
        try
        {
            handle = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchUnavailableException(
                $"The libtorch shim {path} exists but could not be loaded: {e.Message}. " +
                $"libtorch or OpenBLAS is probably missing; install them with `{InstallCommand}`.", e);
        }

        if (!NativeLibrary.TryGetExport(handle, "nvft_abi_version", out var abiExport))
        {
            throw new TorchUnavailableException($"{path} has no nvft_abi_version export: it is not the Nvf.Torch shim. Rebuild Nvf.Torch.");
        }

        var abi = ((delegate* unmanaged<int>)abiExport)();
        if (abi != AbiVersion)
        {
            throw new TorchUnavailableException(
                $"{path} has ABI version {abi} but Nvf.Torch expects {AbiVersion}: the shim is stale. Rebuild Nvf.Torch (dotnet build).");
        }

        return handle;
    }

    /// <summary>
    /// libgomp's default is to spin-wait between parallel regions. On a busy machine (tests, builds and
    /// benchmarks sharing 2 cores) that made a 2-thread training step 20x slower (424 vs 21 ms/step,
    /// measured with bench/Nvf.Bench at load average ~20). libgomp reads the policy once, when it is
    /// loaded with libtorch, so it is set here, unless the user chose one.
    /// </summary>
    private static void PreferPassiveOpenMpWaits()
    {
        if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null && Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") is null)
        {
            NativeMethods.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
        }
    }

    private static string AssemblyDirectory()
    {
        var location = typeof(NativeLibraryLoader).Assembly.Location;
        return string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
    }
}
