using System.Runtime.InteropServices;

namespace Nvf.Core.Provenance;

/// <summary>The machine a run used, so that timings and thread-dependent figures can be compared.</summary>
/// <param name="LogicalCores">Logical processors visible to the process.</param>
/// <param name="MemoryBytes">Memory available to the process in bytes (the container limit if there is one).</param>
/// <param name="OperatingSystem">OS description, e.g. "Debian GNU/Linux 12 (bookworm)" or a kernel string.</param>
/// <param name="Architecture">Processor architecture, e.g. "X64".</param>
/// <param name="Runtime">.NET runtime, e.g. ".NET 10.0.0".</param>
/// <param name="CpuModel">The processor's model name from /proc/cpuinfo with its widest vector extension, e.g. "AMD EPYC (AVX-512)"; null in older records.</param>
public sealed record MachineInfo(int LogicalCores, long MemoryBytes, string OperatingSystem, string Architecture, string Runtime, string? CpuModel = null)
{
    /// <summary>Describes the current machine and process.</summary>
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        CpuDescription(global::Nvf.Torch.Diagnostics.CpuFeatures.Current()));

    /// <summary>"model (vector level)", e.g. "AMD EPYC (AVX-512)".</summary>
    /// <param name="cpu">The processor.</param>
    public static string CpuDescription(global::Nvf.Torch.Diagnostics.CpuFeatures cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        return $"{cpu.Model} ({cpu.VectorLevel})";
    }
}
