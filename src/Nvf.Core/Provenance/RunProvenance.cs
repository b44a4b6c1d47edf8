using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nvf.Core.Provenance;

/// <summary>
/// Where a run's numbers came from (DESIGN.md, "Every run records provenance"): git revision, data
/// file hashes, generators and seeds, library versions (passed in by callers, who know what they
/// loaded), thread count, machine and UTC time. Serialises to and from JSON.
/// </summary>
public sealed record RunProvenance
{
    /// <summary>The commit the run was made from.</summary>
    public required GitRevision Git { get; init; }

    /// <summary>Data files the run read, with their SHA-256.</summary>
    public required IReadOnlyList<FileDigest> Files { get; init; }

    /// <summary>Generators and seeds of the generated data the run used.</summary>
    public required IReadOnlyList<GeneratorInfo> Generators { get; init; }

    /// <summary>Versions of native and managed libraries, by name (e.g. "libtorch" -> "1.13.1").</summary>
    public required IReadOnlyDictionary<string, string> Libraries { get; init; }

    /// <summary>Threads the run's compute used (e.g. torch intra-op threads).</summary>
    public required int ThreadCount { get; init; }

    /// <summary>The machine.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>The BLAS the run's matrix products ran on, with its kernel and measured sgemm GFLOPS; null in older records.</summary>
    public BlasProvenance? Blas { get; init; }

    /// <summary>Peak resident memory of the process that ran the scenarios, in bytes; null when not measured.</summary>
    public long? PeakRssBytes { get; init; }

    /// <summary>What timings depend on (CPU, BLAS kernel, cores), or null for records without BLAS provenance.</summary>
    public MachineFingerprint? Fingerprint => MachineProfile.Of(Machine, Blas);

    /// <summary>When the provenance was captured, UTC.</summary>
    public required DateTimeOffset CapturedUtc { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Captures the provenance of a run in the repository containing <paramref name="repositoryPath"/>:
    /// hashes <paramref name="files"/>, reads the git revision and the machine; the time comes from
    /// <paramref name="clock"/> (the system clock by default).
    /// </summary>
    public static RunProvenance Capture(
        string repositoryPath, int threadCount,
        IEnumerable<string>? files = null, IEnumerable<GeneratorInfo>? generators = null,
        IReadOnlyDictionary<string, string>? libraries = null, TimeProvider? clock = null)
    {
        if (threadCount <= 0)
            throw new ArgumentOutOfRangeException(nameof(threadCount), threadCount, "expected the number of threads the run used (>= 1)");
        return new RunProvenance
        {
            Git = GitRevision.Read(repositoryPath),
            Files = (files ?? []).Select(FileDigest.Compute).ToArray(),
            Generators = (generators ?? []).ToArray(),
            Libraries = new SortedDictionary<string, string>(libraries?.ToDictionary() ?? [], StringComparer.Ordinal),
            ThreadCount = threadCount,
            Machine = MachineInfo.Current(),
            CapturedUtc = (clock ?? TimeProvider.System).GetUtcNow(),
        };
    }

    /// <summary>Indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses what <see cref="ToJson"/> wrote; throws <see cref="JsonException"/> naming the problem.</summary>
    public static RunProvenance FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<RunProvenance>(json, Json)
            ?? throw new JsonException("provenance JSON is 'null'; expected an object");
    }
}
