namespace Nvf.Torch.Diagnostics;

/// <summary>What <see cref="TorchDiagnostics.Measure"/> found about the libtorch installation.</summary>
/// <param name="TorchVersion">libtorch version, e.g. "1.13.0".</param>
/// <param name="Blas">The BLAS libtorch loaded.</param>
/// <param name="Threads">Intra-op threads libtorch uses (<see cref="TorchRuntime.NumThreads"/>).</param>
/// <param name="ProcessorCount">Logical CPUs visible to the process.</param>
/// <param name="SgemmGflops">Measured float32 matmul throughput, 1024x768 by 768x1024, in GFLOPS (best of several runs).</param>
/// <param name="SgemmMilliseconds">Best time of one such matmul, in milliseconds.</param>
/// <param name="CpuCapability">libtorch's vectorised kernel level from its build configuration (e.g. "AVX2").</param>
/// <param name="Identity">The BLAS as it reports itself: implementation, core (kernel set), configuration.</param>
/// <param name="Cpu">The processor: model and vector extensions.</param>
public sealed record TorchReport(
    string TorchVersion,
    BlasLibrary Blas,
    int Threads,
    int ProcessorCount,
    double SgemmGflops,
    double SgemmMilliseconds,
    string CpuCapability,
    BlasIdentity Identity,
    CpuFeatures Cpu)
{
    /// <summary>The generic-kernel warning of <see cref="BlasAdvice"/>, or null.</summary>
    public string? GenericKernelWarning => BlasAdvice.GenericKernelWarning(Identity, Cpu, SgemmGflops);
}
