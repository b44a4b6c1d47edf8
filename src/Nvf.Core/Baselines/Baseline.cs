using System.Text.Json;
using Nvf.Core.History;
using Nvf.Files;

namespace Nvf.Core.Baselines;

/// <summary>
/// An accepted baseline (fixtures/baselines/&lt;name&gt;.json): per metric the accepted value, its direction and its
/// tolerance, plus which run it came from. Only `nvf baseline accept` writes it; CI only reads it.
/// </summary>
public sealed record Baseline
{
    /// <summary>The baseline's name (its file name stem), e.g. "gate".</summary>
    public required string Name { get; init; }

    /// <summary>The run it was accepted from.</summary>
    public required string AcceptedRunId { get; init; }

    /// <summary>When it was accepted, UTC.</summary>
    public required DateTimeOffset AcceptedUtc { get; init; }

    /// <summary>The git commit of the accepted run.</summary>
    public required string GitCommit { get; init; }

    /// <summary>The machine the accepted run ran on (CPU, BLAS kernel, cores): timings are compared only on an equal one. Null when unknown.</summary>
    public Provenance.MachineFingerprint? Fingerprint { get; init; }

    /// <summary>The accepted metrics by name.</summary>
    public required IReadOnlyDictionary<string, BaselineMetric> Metrics { get; init; }

    /// <summary>fixtures/baselines/&lt;name&gt;.json under <paramref name="repositoryRoot"/>.</summary>
    /// <param name="repositoryRoot">The repository's root folder.</param>
    /// <param name="name">The baseline's name.</param>
    public static string PathFor(string repositoryRoot, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"Baseline name '{name}' is not a plain file name; expected e.g. \"gate\".", nameof(name));
        }

        return Path.Combine(RepositoryLayout.BaselinesDirectory(repositoryRoot), name + ".json");
    }

    /// <summary>Reads a baseline file (comments allowed); throws <see cref="BaselineFormatException"/> naming the file and problem.</summary>
    /// <param name="path">The file.</param>
    public static Baseline Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var baseline = JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), HistoryJson.Options)
                ?? throw new BaselineFormatException($"{path}: the baseline is 'null'; expected an object with name, acceptedRunId, acceptedUtc, gitCommit and metrics.");
            foreach (var (name, metric) in baseline.Metrics)
            {
                if (metric is null || metric.Tolerance is null || !double.IsFinite(metric.Expected))
                {
                    throw new BaselineFormatException($"{path}: metric '{name}' needs a finite \"expected\" value and a \"tolerance\" object (absolute, relative, interval).");
                }

                if (metric.Tolerance.Absolute is < 0 || metric.Tolerance.Relative is < 0)
                {
                    throw new BaselineFormatException($"{path}: metric '{name}' has a negative tolerance; expected amounts >= 0.");
                }
            }

            return baseline;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new BaselineFormatException($"{path}: cannot read the baseline: {e.Message}", e);
        }
    }

    /// <summary>Writes the baseline to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, HistoryJson.Options) + Environment.NewLine);
}
