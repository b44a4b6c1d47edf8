namespace Nvf.Torch.Diagnostics;

/// <summary>The processor as /proc/cpuinfo describes it: its model name and whether it has AVX2 and AVX-512.</summary>
/// <param name="Model">"model name" of the first processor, e.g. "AMD EPYC 9R14"; "unknown" when not readable.</param>
/// <param name="HasAvx2">The "avx2" flag.</param>
/// <param name="HasAvx512">The "avx512f" flag.</param>
public sealed record CpuFeatures(string Model, bool HasAvx2, bool HasAvx512)
{
    /// <summary>This machine's processor (Linux); "unknown" and no flags elsewhere.</summary>
    public static CpuFeatures Current()
    {
        try
        {
            return Parse(File.ReadLines("/proc/cpuinfo").TakeWhile(line => line.Length > 0).ToList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CpuFeatures("unknown", false, false);
        }
    }

    /// <summary>Reads the first processor's block of /proc/cpuinfo lines.</summary>
    /// <param name="lines">"key : value" lines.</param>
    public static CpuFeatures Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var fields = lines.Select(line => line.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        var flags = fields.GetValueOrDefault("flags", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        return new CpuFeatures(fields.GetValueOrDefault("model name", "unknown"), flags.Contains("avx2"), flags.Contains("avx512f"));
    }

    /// <summary>The widest vector extension: "AVX-512", "AVX2" or "no AVX2".</summary>
    public string VectorLevel => HasAvx512 ? "AVX-512" : HasAvx2 ? "AVX2" : "no AVX2";
}
