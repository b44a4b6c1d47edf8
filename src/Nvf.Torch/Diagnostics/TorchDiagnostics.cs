using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Nvf.Torch.Diagnostics;

/// <summary>
/// Measures the libtorch installation: version, which BLAS libblas.so.3 resolved to (read from
/// /proc/self/maps once libtorch is loaded; at::show_config only says BLAS_INFO=generic on Debian),
/// and float32 matmul GFLOPS on the issue's shape, 1024x768 by 768x1024.
/// </summary>
public static partial class TorchDiagnostics
{
    /// <summary>Rows of the left operand of the sgemm probe.</summary>
    public const long M = 1024;

    /// <summary>Inner dimension of the sgemm probe.</summary>
    public const long K = 768;

    /// <summary>Columns of the right operand of the sgemm probe.</summary>
    public const long N = 1024;

    /// <summary>Runs the measurement (about 0.1 to 1 s; longer with reference BLAS).</summary>
    public static TorchReport Measure(int repetitions = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var version = TorchRuntime.Version;
        var best = BestMatmulSeconds(repetitions);
        var capability = CpuCapabilityPattern().Match(TorchRuntime.BuildConfiguration);
        return new TorchReport(
            version,
            FindBlas(File.ReadLines("/proc/self/maps")),
            TorchRuntime.NumThreads,
            Environment.ProcessorCount,
            2.0 * M * K * N / best / 1e9,
            best * 1e3,
            capability.Success ? capability.Groups[1].Value : "unknown",
            TorchRuntime.Blas,
            CpuFeatures.Current());
    }

    /// <summary>Classifies the BLAS mapped into a process from the lines of its /proc/&lt;pid&gt;/maps.</summary>
    public static BlasLibrary FindBlas(IEnumerable<string> mapsLines)
    {
        ArgumentNullException.ThrowIfNull(mapsLines);
        var paths = mapsLines
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6)
            .Select(fields => fields[5])
            .Where(path => path.Contains("blas", StringComparison.OrdinalIgnoreCase) || path.Contains("libmkl", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var libblas = paths.FirstOrDefault(p => p.Contains("libblas.so", StringComparison.Ordinal));
        var path = libblas ?? paths.FirstOrDefault() ?? "not loaded";
        var kind = path switch
        {
            "not loaded" => BlasKind.Unknown,
            _ when path.Contains("openblas", StringComparison.OrdinalIgnoreCase) => BlasKind.OpenBlas,
            _ when path.Contains("blis", StringComparison.OrdinalIgnoreCase)
                || path.Contains("atlas", StringComparison.OrdinalIgnoreCase)
                || path.Contains("mkl", StringComparison.OrdinalIgnoreCase) => BlasKind.OtherOptimised,
            _ => BlasKind.Reference,
        };
        return new BlasLibrary(path, kind);
    }

    private static double BestMatmulSeconds(int repetitions)
    {
        using var noGrad = new NoGradScope();
        using var scope = new DisposeScope();
        using var generator = new Generator(1);
        var a = Tensor.Randn([M, K], generator);
        var b = Tensor.Randn([K, N], generator);
        a.Mm(b).Dispose(); // warm-up: BLAS thread pool and buffers
        var best = double.MaxValue;
        for (var i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            a.Mm(b).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    [GeneratedRegex(@"CPU capability usage: (\S+)")]
    private static partial Regex CpuCapabilityPattern();
}
