using Nvf.Core.Baselines;
using Nvf.Core.Decision;
using Nvf.Core.History;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Files;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;

namespace Nvf.Gate;

/// <summary>
/// Records a finished run, under `dotnet test` (through the steps' run recorder) and under `nvf gate` alike: compares its metrics with fixtures/baselines/gate.json, adds the decision gates and the
/// regression check with trends to the reports, and keeps in artifacts/runs/&lt;run id&gt;/ what re-rendering needs:
/// results.json (every scenario, step, attachment and metric), history.json (the runs in its trends and its
/// comparison), the reports, and run.json last (all written atomically; a crash leaves no record).
/// </summary>
public static class GateRecorder
{
    /// <summary>The baseline the gate compares with: fixtures/baselines/gate.json (the regression feature reads the same).</summary>
    public const string BaselineName = "gate";

    /// <summary>How the copy of the run's record beside the reports is named: "&lt;report name&gt;.run.json".</summary>
    public const string RunRecordSuffix = ".run.json";

    /// <summary>The heading of the history section.</summary>
    public const string HistoryTitle = "Regression check and trends";

    /// <summary>The line under the history section's heading.</summary>
    public const string HistoryExplanation =
        "This run against the accepted baseline (fixtures/baselines/gate.json): only metrics that moved in their bad direction by more than " +
        "their tolerance, or disappeared, are listed. Then one trend plot per metric over the last runs (this run last; 95% interval when measured) " +
        "and the same numbers side by side.";

    /// <summary>Records <paramref name="report"/> and writes its reports to the run folder and <see cref="GateRunSettings.ReportDirectory"/>.</summary>
    /// <param name="report">The finished run.</param>
    /// <param name="settings">Where and how it ran.</param>
    public static GateRecording Record(RunReport report, GateRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var scope = SuiteScope.Of(report.Results, settings.FeaturesFolder);
        var record = RunRecordBuilder.Build(report, RunHistory.NewRunId(report.StartedAt), settings.Tags, settings.RepositoryRoot, settings.DataFiles, scope.Full);
        var history = RunHistory.InRepository(settings.RepositoryRoot);
        var runFolder = history.RunDirectory(record.RunId);
        record = record with { Name = settings.Name, Labels = settings.Labels, Evaluated = KeepPerQueryFiles(settings.ReportDirectory, report.StartedAt, runFolder) };
        var baselinePath = Baseline.PathFor(settings.RepositoryRoot, BaselineName);
        var comparison = settings.CompareWithBaseline && File.Exists(baselinePath) ? BaselineComparison.Compare(MachineBaselines.ForMachine(Baseline.Load(baselinePath), settings.RepositoryRoot, record.Provenance.Fingerprint), record.Metrics, scope, record.Provenance.Fingerprint) : null;
        var window = HistoryWindow.Of(record, history.List().Runs, comparison);
        var withSections = WithSections(report, window);

        AtomicFile.WriteAllText(Path.Combine(runFolder, RunReportJson.FileName), RunReportJson.Write(report));
        window.Save(Path.Combine(runFolder, HistoryWindow.FileName));
        var written = ReportFiles.WriteAll(withSections, [runFolder, settings.ReportDirectory], settings.ReportName);
        var (kept, files) = (written[0], written[1]);
        GitHubStepSummary.Append(File.ReadAllText(files.Single(f => f.EndsWith(".md", StringComparison.Ordinal))));
        var recorded = history.Record(record with { Reports = kept.Select(Path.GetFileName).OfType<string>().ToList() });
        // The run's record beside its reports too (--out): answers, metrics, provenance, the models evaluated.
        var results = Path.Combine(settings.ReportDirectory, settings.ReportName + RunRecordSuffix);
        if (Path.GetFullPath(settings.ReportDirectory) != Path.GetFullPath(runFolder))
        {
            AtomicFile.WriteAllText(results, File.ReadAllText(recorded));
            files = [.. files, Path.GetFullPath(results)];
        }

        return new GateRecording(record, withSections, comparison, runFolder, files);
    }

    // The per-query results the steps wrote beside the reports during this run, copied into the run folder; the models they name.
    static IReadOnlyList<EvaluatedModel> KeepPerQueryFiles(string reportDirectory, DateTimeOffset startedAt, string runFolder)
    {
        if (!Directory.Exists(reportDirectory))
        {
            return [];
        }

        var evaluated = new List<EvaluatedModel>();
        foreach (var file in Directory.EnumerateFiles(reportDirectory, "*" + PerQueryResults.Suffix).Order(StringComparer.Ordinal))
        {
            if (File.GetLastWriteTimeUtc(file) < startedAt.UtcDateTime)
            {
                continue;
            }

            PerQueryHeader header;
            try
            {
                header = PerQueryResults.Read(file).Header;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // Not this run's file, or damaged: it stays where it is and the run's record does not name it.
                continue;
            }

            var kept = Path.Combine(runFolder, Path.GetFileName(file));
            Directory.CreateDirectory(runFolder);
            File.Copy(file, kept, overwrite: true);
            evaluated.Add(new EvaluatedModel(header.Predictions, header.PredictionsSha256, header.Model, header.Epoch, header.Checkpoint, header.CheckpointSha256, Path.GetFileName(file)));
        }

        return evaluated;
    }

    /// <summary>Re-renders the reports of a recorded run from its run folder alone (results.json and history.json), byte for byte as the gate wrote them.</summary>
    /// <param name="runFolder">artifacts/runs/&lt;run id&gt;.</param>
    /// <param name="reportName">The reports' file name stem.</param>
    /// <param name="outputDirectory">Where to write them.</param>
    /// <returns>The files written (JSON, HTML, Markdown).</returns>
    public static IReadOnlyList<string> Rerender(string runFolder, string reportName, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runFolder);
        var results = Path.Combine(runFolder, RunReportJson.FileName);
        var window = Path.Combine(runFolder, HistoryWindow.FileName);
        foreach (var file in new[] { results, window })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file} is missing; expected a run recorded by this version of the gate (older runs kept only run.json).", file);
            }
        }

        var report = RunReportJson.Read(File.ReadAllText(results), results);
        var written = ReportFiles.WriteAll(WithSections(report, HistoryWindow.Load(window)), outputDirectory, reportName).ToList();
        // Cucumber's messages and report were written when the run ran (they need the parsed features): copy them.
        foreach (var suffix in ReportFiles.CucumberSuffixes)
        {
            var kept = Path.Combine(runFolder, reportName + suffix);
            var target = Path.Combine(outputDirectory, reportName + suffix);
            if (!File.Exists(kept))
                continue;
            if (Path.GetFullPath(kept) != Path.GetFullPath(target))
                AtomicFile.WriteAllText(target, File.ReadAllText(kept));
            written.Add(Path.GetFullPath(target));
        }

        return written;
    }

    /// <summary><paramref name="report"/> with the decision gates and the regression check and trends of <paramref name="window"/> as sections.</summary>
    /// <param name="report">The run.</param>
    /// <param name="window">Its history window (its own record last).</param>
    public static RunReport WithSections(RunReport report, HistoryWindow window)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(window);
        var run = window.Runs[^1];
        var history = new ReportSection(HistoryTitle, RunSummary.Html(run, window.Runs, window.Comparison), RunSummary.Markdown(run, window.Runs, window.Comparison))
        {
            Explanation = HistoryExplanation,
        };
        var answers = RunAnswers.Section(RunAnswers.Rows(report));
        return report with { Sections = DecisionGates.Section(report) is { } gates ? [answers, gates, history] : [answers, history] };
    }
}
