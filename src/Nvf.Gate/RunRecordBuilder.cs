using Nvf.Core.History;
using Nvf.Core.Provenance;
using Nvf.Faiss;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Torch;

namespace Nvf.Gate;

/// <summary>Turns a finished run into the record the history keeps, with its provenance.</summary>
public static class RunRecordBuilder
{
    /// <summary>The record of <paramref name="report"/>.</summary>
    /// <param name="report">The finished run.</param>
    /// <param name="runId">Its id.</param>
    /// <param name="tags">The tag expression it was restricted to, or null.</param>
    /// <param name="repositoryRoot">The checkout it ran in (for the git revision).</param>
    /// <param name="dataFiles">Files the run read that the provenance should hash (e.g. the config).</param>
    /// <param name="full">True when the run ran every scenario of its suite.</param>
    public static RunRecord Build(RunReport report, string runId, string? tags, string repositoryRoot, IEnumerable<string> dataFiles, bool full)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (libraries, threads) = Libraries();
        return new RunRecord
        {
            RunId = runId,
            StartedUtc = report.StartedAt,
            Seconds = report.Duration.TotalSeconds,
            Passed = report.Succeeded,
            Tags = tags,
            Full = full,
            Answers = RunAnswers.Rows(report),
            Scenarios = report.Results.Select(r => new ScenarioOutcome(
                r.Scenario.Feature.Name,
                r.Scenario.Title,
                StatusText.Name(r.Status),
                r.Duration.TotalSeconds,
                r.Scenario.Tags.Select(t => t.Name).ToList(),
                ScenarioProblem.FirstLine(r),
                r.PeakResidentBytes)).ToList(),
            Metrics = RecordedMetrics.From(report.Metrics),
            Provenance = RunProvenance.Capture(repositoryRoot, threads, dataFiles, null, libraries) with
            {
                Blas = MachineProfile.Blas,
                PeakRssBytes = report.Results.Max(r => r.PeakResidentBytes) ?? ProcessMemory.PeakBytes,
            },
        };
    }

    // Versions of what the steps may have loaded; a library that cannot load is recorded as such, not fatal.
    static (Dictionary<string, string> Libraries, int Threads) Libraries()
    {
        var libraries = new Dictionary<string, string> { [".NET"] = Environment.Version.ToString() };
        var threads = Environment.ProcessorCount;
        try
        {
            libraries["libtorch"] = TorchRuntime.Version;
            // Trainings set their own thread count (configs say 1 or 2); record the largest used and all of them.
            var used = TorchRuntime.ThreadCountsUsed;
            threads = used.Count > 0 ? used[^1] : TorchRuntime.NumThreads;
            if (used.Count > 0)
            {
                libraries["libtorch threads used"] = string.Join(", ", used);
            }
        }
        catch (Exception e) when (e is TorchUnavailableException or DllNotFoundException or EntryPointNotFoundException)
        {
            libraries["libtorch"] = "unavailable: " + e.Message;
        }

        try
        {
            libraries["faiss"] = FaissRuntime.Version;
        }
        catch (Exception e) when (e is FaissException or DllNotFoundException or EntryPointNotFoundException)
        {
            libraries["faiss"] = "unavailable: " + e.Message;
        }

        return (libraries, threads);
    }
}
