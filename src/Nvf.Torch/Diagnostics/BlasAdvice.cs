using System.Globalization;

namespace Nvf.Torch.Diagnostics;

/// <summary>
/// What to tell a user whose OpenBLAS runs generic kernels on a CPU that has AVX2 or AVX-512. The choice of
/// OPENBLAS_CORETYPE stays the user's: the project never sets or unsets it, since older OpenBLAS builds compute
/// wrong results or crash with a core that does not match the CPU.
/// </summary>
public static class BlasAdvice
{
    /// <summary>
    /// The warning, or null when there is nothing to say (not OpenBLAS, a non-generic core, or a CPU without AVX2).
    /// </summary>
    /// <param name="blas">The BLAS in use.</param>
    /// <param name="cpu">The processor.</param>
    /// <param name="sgemmGflops">The measured sgemm throughput in GFLOPS.</param>
    public static string? GenericKernelWarning(BlasIdentity blas, CpuFeatures cpu, double sgemmGflops)
    {
        ArgumentNullException.ThrowIfNull(blas);
        ArgumentNullException.ThrowIfNull(cpu);
        if (!blas.IsGenericOpenBlas || !cpu.HasAvx2)
        {
            return null;
        }

        var suggested = cpu.HasAvx512 ? "SkylakeX" : "Haswell";
        var measured = sgemmGflops.ToString("F0", CultureInfo.InvariantCulture);
        return $"OpenBLAS runs its generic '{blas.Core}' kernels on this {cpu.VectorLevel} CPU ({cpu.Model}): sgemm measured {measured} GFLOPS. " +
            "On one AVX-512 machine the same product measured 31 GFLOPS as Prescott, 118 as Haswell and 200 as SkylakeX. " +
            $"To use faster kernels, set the environment variable OPENBLAS_CORETYPE to {suggested} in your shell before running (Haswell on AVX2 CPUs, SkylakeX on AVX-512); " +
            "the gate never sets it for you, because some OpenBLAS builds compute wrong results or crash with a core the CPU does not match. " +
            "Verdicts do not depend on it; timings are compared only between runs on the same machine fingerprint.";
    }
}
