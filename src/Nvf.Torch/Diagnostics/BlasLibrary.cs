namespace Nvf.Torch.Diagnostics;

/// <summary>The BLAS that libtorch resolved libblas.so.3 to in this process.</summary>
/// <param name="Path">Real path of the loaded libblas.so.3 (or the OpenBLAS library), or "not loaded".</param>
/// <param name="Kind">Which implementation the path belongs to.</param>
public sealed record BlasLibrary(string Path, BlasKind Kind)
{
    /// <summary>True for the reference BLAS, with which matmul is ~30x slower (DESIGN.md: 5 vs 170 GFLOPS).</summary>
    public bool IsReference => Kind == BlasKind.Reference;
}
