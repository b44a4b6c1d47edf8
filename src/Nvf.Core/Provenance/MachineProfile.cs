using Nvf.Torch;
using Nvf.Torch.Diagnostics;

namespace Nvf.Core.Provenance;

/// <summary>
/// This process's machine as timings depend on it: its fingerprint and its BLAS with a measured sgemm
/// figure. Measured once per process (about 0.1 s; 1 s on generic kernels) on first use.
/// </summary>
public static class MachineProfile
{
    private static readonly Lazy<(BlasProvenance Blas, MachineFingerprint Fingerprint)> Measured = new(Measure);

    /// <summary>The BLAS in use, its kernel and its measured sgemm throughput.</summary>
    public static BlasProvenance Blas => Measured.Value.Blas;

    /// <summary>This machine's fingerprint.</summary>
    public static MachineFingerprint Fingerprint => Measured.Value.Fingerprint;

    /// <summary>The fingerprint of a recorded run's machine, or null when it predates fingerprints.</summary>
    /// <param name="machine">The run's machine.</param>
    /// <param name="blas">The run's BLAS, or null.</param>
    public static MachineFingerprint? Of(MachineInfo machine, BlasProvenance? blas)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return machine.CpuModel is null || blas is null ? null : new MachineFingerprint(machine.CpuModel, blas.Kernel, machine.LogicalCores);
    }

    private static (BlasProvenance, MachineFingerprint) Measure()
    {
        BlasProvenance blas;
        try
        {
            var report = TorchDiagnostics.Measure();
            var identity = report.Identity;
            var kernel = identity.Implementation switch
            {
                "openblas" => "OpenBLAS " + Or(identity.Core),
                "blis" => "BLIS " + Or(identity.Core),
                _ => identity.Describe(),
            };
            blas = new BlasProvenance(report.Blas.Path, kernel, identity.Describe(), report.SgemmGflops, report.GenericKernelWarning);
        }
        catch (Exception e) when (e is TorchUnavailableException or DllNotFoundException or EntryPointNotFoundException)
        {
            blas = new BlasProvenance("", "unavailable: " + e.Message, "", 0, null);
        }

        return (blas, new MachineFingerprint(MachineInfo.CpuDescription(CpuFeatures.Current()), blas.Kernel, Environment.ProcessorCount));
    }

    private static string Or(string core) => core.Length == 0 ? "(core unknown)" : core;
}
