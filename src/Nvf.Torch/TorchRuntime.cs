using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>
/// libtorch's process-wide settings (torch.* in Python). Named TorchRuntime rather than Torch because,
/// inside any Nvf.* namespace, the simple name Torch already means the Nvf.Torch namespace.
/// </summary>
public static class TorchRuntime
{
    /// <summary>libtorch's version, e.g. "1.13.0".</summary>
    public static string Version => NativeResult.Text(NativeMethods.nvft_torch_version());

    /// <summary>at::show_config(): how libtorch was built (compiler, BLAS_INFO, OpenMP, CPU capability).</summary>
    public static string BuildConfiguration => NativeResult.Text(NativeMethods.nvft_show_config());

    /// <summary>The BLAS library matrix products run on, as it reports itself (OpenBLAS core, BLIS sub-configuration).</summary>
    public static Diagnostics.BlasIdentity Blas => Diagnostics.BlasIdentity.Parse(NativeResult.Text(NativeMethods.nvft_blas_info()));

    /// <summary>
    /// Intra-op threads libtorch uses. Setting it applies to every thread that calls into libtorch
    /// afterwards (the shim re-applies it per thread, since OpenMP keeps it per thread).
    /// </summary>
    public static int NumThreads
    {
        get => NativeResult.Check(NativeMethods.nvft_get_num_threads());
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            NativeResult.Check(NativeMethods.nvft_set_num_threads(value));
            lock (threadCountsUsed)
            {
                threadCountsUsed.Add(value);
            }
        }
    }

    /// <summary>
    /// Every intra-op thread count set through <see cref="NumThreads"/> in this process, ascending: results are
    /// deterministic per thread count, so a run's provenance names them all, not only the last one set.
    /// </summary>
    public static IReadOnlyList<int> ThreadCountsUsed
    {
        get
        {
            lock (threadCountsUsed)
            {
                return [.. threadCountsUsed];
            }
        }
    }

    private static readonly SortedSet<int> threadCountsUsed = [];

    /// <summary>Whether autograd records operations on this thread (see <see cref="NoGradScope"/>).</summary>
    public static bool IsGradEnabled => NativeMethods.nvft_is_grad_enabled() == 1;

    /// <summary>Seeds torch's global CPU generator, as torch.manual_seed: used by dropout and draws without a <see cref="Generator"/>.</summary>
    public static void ManualSeed(ulong seed) => NativeResult.Check(NativeMethods.nvft_manual_seed(seed));
}
