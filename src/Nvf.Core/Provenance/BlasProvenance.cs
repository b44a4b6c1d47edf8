namespace Nvf.Core.Provenance;

/// <summary>The BLAS a run's matrix products ran on, and how fast it was on this machine.</summary>
/// <param name="Library">The mapped library's path.</param>
/// <param name="Kernel">Implementation and kernel set, e.g. "OpenBLAS Cooperlake", "BLIS zen3": what the machine fingerprint holds.</param>
/// <param name="Config">What the library says of itself, e.g. "OpenBLAS, core Cooperlake (OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH …)".</param>
/// <param name="SgemmGflops">Measured float32 matmul throughput (1024x768 by 768x1024, one torch thread, best of 10), in GFLOPS.</param>
/// <param name="Warning">The generic-kernel warning with its remedy, or null.</param>
public sealed record BlasProvenance(string Library, string Kernel, string Config, double SgemmGflops, string? Warning);
