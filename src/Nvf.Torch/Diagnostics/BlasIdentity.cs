using System.Globalization;

namespace Nvf.Torch.Diagnostics;

/// <summary>
/// The BLAS implementation libtorch's matrix products run on, as the library itself reports it: for
/// OpenBLAS the core its dynamic dispatch chose (openblas_get_corename) and its build configuration,
/// for BLIS its version and sub-configuration. Different cores sum in a different order, so two machines
/// with different cores give slightly different trained models; the run's provenance records this.
/// </summary>
/// <param name="Path">The mapped library (libblas.so.3 or the implementation's own), "" when none is mapped.</param>
/// <param name="Implementation">"openblas", "blis" or "other" (reference BLAS, ATLAS, MKL: no core query).</param>
/// <param name="Core">The kernel set in use, e.g. "Haswell", "SkylakeX", "Zen", "Prescott" (OpenBLAS) or "zen3" (BLIS); "" when unknown.</param>
/// <param name="Config">OpenBLAS's build configuration (e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64") or BLIS's version; "" when unknown.</param>
/// <param name="Threads">OpenBLAS's own thread count, or null.</param>
public sealed record BlasIdentity(string Path, string Implementation, string Core, string Config, int? Threads)
{
    /// <summary>
    /// OpenBLAS cores without AVX2 kernels: what its dynamic dispatch falls back to on a CPU it does not
    /// recognise ("Prescott" in 0.3.21). On a CPU with AVX2 or AVX-512 they run sgemm 4–6x slower
    /// (DESIGN.md: 31 GFLOPS against 118 as Haswell and 200 as SkylakeX on one AVX-512 machine).
    /// </summary>
    public static IReadOnlySet<string> GenericOpenBlasCores { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Katmai", "Coppermine", "Northwood", "Banias", "Opteron", "Opteron_SSE3", "Barcelona", "Bobcat",
    };

    /// <summary>True for OpenBLAS running one of <see cref="GenericOpenBlasCores"/>.</summary>
    public bool IsGenericOpenBlas => Implementation == "openblas" && GenericOpenBlasCores.Contains(Core);

    /// <summary>One line: "OpenBLAS, core Zen (OpenBLAS 0.3.21 DYNAMIC_ARCH …)", "BLIS 0.9.0, core zen3", "other BLAS (path)".</summary>
    public string Describe() => Implementation switch
    {
        "openblas" => $"OpenBLAS, core {Or(Core)}{(Config.Length > 0 ? $" ({Config})" : "")}",
        "blis" => $"BLIS {Or(Config)}, core {Or(Core)}",
        _ => $"{(Path.Length == 0 ? "no BLAS mapped" : "BLAS without a core query")}{(Path.Length > 0 ? $" ({Path})" : "")}",
    };

    /// <summary>Parses the shim's "key=value" lines (path, implementation, core, config or version, threads).</summary>
    /// <param name="text">The lines.</param>
    public static BlasIdentity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
        return new BlasIdentity(
            fields.GetValueOrDefault("path", ""),
            fields.GetValueOrDefault("implementation", "other"),
            fields.GetValueOrDefault("core", ""),
            fields.GetValueOrDefault("config") ?? fields.GetValueOrDefault("version", ""),
            int.TryParse(fields.GetValueOrDefault("threads"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var threads) ? threads : null);
    }

    static string Or(string text) => text.Length == 0 ? "unknown" : text;
}
