namespace Nvf.Torch.Diagnostics;

/// <summary>BLAS implementations Debian can put behind libblas.so.3.</summary>
public enum BlasKind
{
    /// <summary>No BLAS library is mapped in the process (libtorch not loaded yet?).</summary>
    Unknown,

    /// <summary>Netlib's reference BLAS (package libblas3): correct but ~30x slower.</summary>
    Reference,

    /// <summary>OpenBLAS (libopenblas0-pthread or -openmp): the fast one.</summary>
    OpenBlas,

    /// <summary>BLIS, ATLAS or MKL: optimised, not the project's default.</summary>
    OtherOptimised,
}
