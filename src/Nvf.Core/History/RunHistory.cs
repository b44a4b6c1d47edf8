using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Nvf.Files;

namespace Nvf.Core.History;

/// <summary>
/// The run history: one folder per run under <see cref="Root"/> (artifacts/runs by default), each holding
/// run.json and the run's reports. run.json is written last and atomically, so a run that crashed leaves
/// a folder without run.json, which the history ignores, and earlier runs are never touched.
/// </summary>
public sealed class RunHistory
{
    /// <summary>The record's file name inside a run folder.</summary>
    public const string RecordFileName = "run.json";

    /// <summary>Opens (not creates) the history under <paramref name="root"/>.</summary>
    /// <param name="root">The folder holding one sub-folder per run.</param>
    public RunHistory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The history folder (absolute).</summary>
    public string Root { get; }

    /// <summary>The history of the repository at <paramref name="repositoryRoot"/>: artifacts/runs.</summary>
    /// <param name="repositoryRoot">The repository's root folder.</param>
    public static RunHistory InRepository(string repositoryRoot) => new(RepositoryLayout.HistoryDirectory(repositoryRoot));

    /// <summary>A new run id, "yyyyMMdd-HHmmss-xxxxxx": the UTC start time (so ids sort by time) and 24 random bits.</summary>
    /// <param name="startedUtc">When the run started.</param>
    public static string NewRunId(DateTimeOffset startedUtc) =>
        startedUtc.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();

    /// <summary>The folder of run <paramref name="runId"/> (it may not exist yet).</summary>
    /// <param name="runId">A run id.</param>
    public string RunDirectory(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || runId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Run id '{runId}' is not a plain folder name; expected an id like 20261122-050543-a1b2c3.", nameof(runId));
        }

        return Path.Combine(Root, runId);
    }

    /// <summary>Adds <paramref name="record"/> to the history: writes its run.json atomically (last, after its reports).</summary>
    /// <param name="record">The run.</param>
    /// <returns>The path of run.json.</returns>
    public string Record(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = Path.Combine(RunDirectory(record.RunId), RecordFileName);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(record, HistoryJson.Options));
        return path;
    }

    /// <summary>Every complete run, oldest first, plus the run folders that could not be read (with why).</summary>
    public HistoryListing List()
    {
        var runs = new List<RunRecord>();
        var problems = new List<string>();
        if (!Directory.Exists(Root))
        {
            return new HistoryListing(runs, problems);
        }

        foreach (var folder in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, RecordFileName);
            if (!File.Exists(file))
            {
                // A run still going, or one that crashed before recording: not part of the history.
                continue;
            }

            try
            {
                runs.Add(Read(file));
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }

        return new HistoryListing(runs.OrderBy(r => r.StartedUtc).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList(), problems);
    }

    /// <summary>
    /// The run named by <paramref name="run"/>: null or "latest" for the newest, else an id or a unique prefix of one.
    /// Throws <see cref="RunNotFoundException"/> when nothing (or more than one run) matches.
    /// </summary>
    /// <param name="run">The run's id, a unique prefix, "latest", or null.</param>
    public RunRecord Find(string? run)
    {
        var runs = List().Runs;
        if (runs.Count == 0)
        {
            throw new RunNotFoundException($"No run recorded in {Root}; run `nvf gate` first.");
        }

        if (run is null or "latest")
        {
            return runs[^1];
        }

        var matches = runs.Where(r => r.RunId.StartsWith(run, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new RunNotFoundException($"No run '{run}' in {Root}; the latest are: {string.Join(", ", runs.TakeLast(5).Select(r => r.RunId))}."),
            _ => throw new RunNotFoundException($"'{run}' names {matches.Count} runs ({string.Join(", ", matches.Take(5).Select(r => r.RunId))}); give more of the id."),
        };
    }

    /// <summary>The file in a run folder that holds every scenario, step and metric (what re-rendering and answers need).</summary>
    public const string ResultsFileName = "results.json";

    /// <summary>
    /// The complete runs whose results.json is sound too, oldest first: a run folder whose results.json is missing, truncated,
    /// or from a layout this version does not read is a problem naming the file, and left out (what trends and `nvf history` use).
    /// </summary>
    public HistoryListing ListComplete()
    {
        var listing = List();
        var runs = new List<RunRecord>();
        var problems = listing.Problems.ToList();
        foreach (var run in listing.Runs)
        {
            var results = Path.Combine(RunDirectory(run.RunId), ResultsFileName);
            if (ResultsProblem(results) is { } problem)
            {
                problems.Add($"{results}: {problem}; run {run.RunId} is left out");
            }
            else
            {
                runs.Add(run);
            }
        }

        return new HistoryListing(runs, problems);
    }

    // Why a results.json cannot be used, or null: missing, not complete JSON (a truncated write), or without a layout version.
    static string? ResultsProblem(string path)
    {
        if (!File.Exists(path))
        {
            return "missing (a run recorded by an older version, or a damaged run folder)";
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("version", out var version) && version.TryGetInt32(out var v) && v >= 1
                ? null
                : "not a recorded run (no layout version; written by an other tool or an older version)";
        }
        catch (JsonException e)
        {
            return $"not complete JSON ({e.Message.Split('.')[0]}): truncated or damaged";
        }
        catch (IOException e)
        {
            return $"unreadable ({e.Message})";
        }
    }

    /// <summary>Reads one run.json.</summary>
    /// <param name="path">The file.</param>
    public static RunRecord Read(string path) =>
        JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), HistoryJson.Options)
            ?? throw new JsonException("the record is 'null'; expected a run object");
}
