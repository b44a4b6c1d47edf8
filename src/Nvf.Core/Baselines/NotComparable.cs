namespace Nvf.Core.Baselines;

/// <summary>A timing that was not compared because this run's machine differs from the baseline's: both figures and why.</summary>
/// <param name="Name">The metric.</param>
/// <param name="Obtained">This run's value.</param>
/// <param name="Expected">The baseline's value.</param>
/// <param name="Unit">Unit of both.</param>
/// <param name="Why">What differs, e.g. "another machine: BLAS OpenBLAS Prescott vs OpenBLAS Cooperlake".</param>
public sealed record NotComparable(string Name, double Obtained, double Expected, string Unit, string Why);
