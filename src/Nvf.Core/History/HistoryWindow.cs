using System.Text.Json;
using Nvf.Core.Baselines;
using Nvf.Files;

namespace Nvf.Core.History;

/// <summary>
/// What a run's reports showed of the history when the run was recorded: the runs in its trend plots and side-by-side
/// table (oldest first, itself last) and its comparison with the baseline accepted then. Kept in the run folder
/// (<see cref="FileName"/>) so `nvf report` re-renders the same reports however the history and baseline move on.
/// </summary>
/// <param name="Runs">The runs shown, oldest first, the run itself last.</param>
/// <param name="Comparison">The run against the baseline accepted at the time, or null when none was.</param>
public sealed record HistoryWindow(IReadOnlyList<RunRecord> Runs, BaselineComparison? Comparison)
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "history.json";

    /// <summary>The window of <paramref name="run"/>: the last <see cref="RunSummary.RunsShown"/> runs of <paramref name="earlier"/> before it, then it.</summary>
    /// <param name="run">The run being reported.</param>
    /// <param name="earlier">Runs recorded before it, oldest first.</param>
    /// <param name="comparison">Its comparison with the accepted baseline, or null.</param>
    public static HistoryWindow Of(RunRecord run, IReadOnlyList<RunRecord> earlier, BaselineComparison? comparison)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(earlier);
        // Earlier runs need only their id, verdict and metrics here; their scenarios stay in their own run.json.
        var shown = earlier.Where(r => r.RunId != run.RunId).TakeLast(RunSummary.RunsShown - 1).Select(r => r with { Scenarios = [], Reports = [] });
        return new HistoryWindow(shown.Append(run).ToList(), comparison);
    }

    /// <summary>Writes the window to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, HistoryJson.Options));

    /// <summary>Reads a window; a <see cref="JsonException"/> names the file and the problem.</summary>
    /// <param name="path">The file.</param>
    public static HistoryWindow Load(string path)
    {
        try
        {
            var window = JsonSerializer.Deserialize<HistoryWindow>(File.ReadAllText(path), HistoryJson.Options)
                ?? throw new JsonException("the window is 'null'");
            return window.Runs.Count == 0 ? throw new JsonException("it lists no run; expected the run itself at least") : window;
        }
        catch (JsonException e)
        {
            throw new JsonException($"{path}: not a run's history window ({e.Message}); expected the {FileName} a gate run writes.", e);
        }
    }
}
