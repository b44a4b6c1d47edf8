namespace Nvf.Core.Provenance;

/// <summary>
/// What decides how long the same work takes: the processor, the BLAS kernel set and the number of cores.
/// Timings of two runs are compared only when their fingerprints are equal; otherwise they are reported as
/// "not comparable" with both figures (docs/cli-and-reports.md, "Regressions and baselines").
/// </summary>
/// <param name="Cpu">Processor model and vector level, e.g. "AMD EPYC (AVX-512)".</param>
/// <param name="Blas">BLAS implementation and kernel set, e.g. "OpenBLAS Cooperlake".</param>
/// <param name="Cores">Logical cores.</param>
public sealed record MachineFingerprint(string Cpu, string Blas, int Cores)
{
    /// <summary>"AMD EPYC (AVX-512), OpenBLAS Cooperlake, 2 cores".</summary>
    public string Describe() => $"{Cpu}, {Blas}, {Cores} cores";

    /// <summary>Why <paramref name="other"/> is not comparable with this one ("CPU differs: … vs …"), or null when they are equal.</summary>
    /// <param name="other">The other fingerprint, or null when unknown.</param>
    public string? Difference(MachineFingerprint? other)
    {
        if (other is null)
            return "the baseline records no machine fingerprint (accepted before fingerprints were recorded)";
        var parts = new List<string>();
        if (Cpu != other.Cpu)
            parts.Add($"CPU {Cpu} vs {other.Cpu}");
        if (Blas != other.Blas)
            parts.Add($"BLAS {Blas} vs {other.Blas}");
        if (Cores != other.Cores)
            parts.Add($"{Cores} vs {other.Cores} cores");
        return parts.Count == 0 ? null : "another machine: " + string.Join("; ", parts);
    }
}
