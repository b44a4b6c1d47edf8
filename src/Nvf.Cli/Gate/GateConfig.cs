using System.Text.Json;
using System.Text.Json.Serialization;
using Nvf.Cli.CommandLine;

namespace Nvf.Cli.Gate;

/// <summary>
/// A gate run's settings from a short commented JSON file (--config): which features and tags to run,
/// the baseline to compare with, the report name, and environment variables the steps read (e.g. where
/// a researcher's artifacts are). Every field is optional.
/// </summary>
public sealed record GateConfig
{
    /// <summary>A features folder to run instead of the suite's own (relative to the config file).</summary>
    public string? Features { get; init; }

    /// <summary>A tag expression; --tags overrides it.</summary>
    public string? Tags { get; init; }

    /// <summary>File name stem of the reports (default "acceptance").</summary>
    public string ReportName { get; init; } = "acceptance";

    /// <summary>Environment variables set for the steps before the run.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads the config at <paramref name="path"/>; a <see cref="UsageException"/> names the file and the problem.</summary>
    /// <param name="path">The file, as given to --config.</param>
    public static GateConfig Load(string path)
    {
        var full = Repository.ExistingFile(path, "--config");
        try
        {
            var config = JsonSerializer.Deserialize<GateConfig>(File.ReadAllText(full), Json)
                ?? throw new UsageException($"--config {path}: the file holds 'null'; expected an object such as {{ \"tags\": \"@nvf\" }}.");
            if (string.IsNullOrWhiteSpace(config.ReportName) || config.ReportName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new UsageException($"--config {path}: reportName '{config.ReportName}' is not a plain file name; expected e.g. \"acceptance\".");
            }

            return config.Features is null ? config : config with { Features = Path.GetFullPath(config.Features, Path.GetDirectoryName(full)!) };
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--config {path}: cannot read it: {e.Message}", e);
        }
    }
}
