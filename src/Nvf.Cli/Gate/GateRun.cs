using Nvf.Cli.CommandLine;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Spectre.Console;

namespace Nvf.Cli.Gate;

/// <summary>
/// `nvf gate`: runs the suite with live progress, records the run in the history (artifacts/runs/&lt;id&gt;/),
/// writes the reports (with the history section: regressions and trends) to the run folder and the output
/// folder, prints the verdicts, and returns 0 pass / 1 fail.
/// </summary>
public static class GateRun
{
    /// <summary>The baseline the gate compares with: fixtures/baselines/gate.json (the regression feature reads the same).</summary>
    public const string BaselineName = "gate";

    /// <summary>Runs the gate.</summary>
    /// <param name="request">The options given.</param>
    /// <param name="console">Where progress and verdicts go.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(GateRequest request, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        var root = Repository.Root;
        var config = request.ConfigPath is null ? new GateConfig() : GateConfig.Load(request.ConfigPath);
        var tagText = request.Tags ?? config.Tags;
        var tags = tagText is null ? null : TagExpression.Parse(tagText);
        var output = Path.GetFullPath(request.OutputDirectory ?? Path.Combine(root, "artifacts", "reports"));
        try
        {
            // Fail before a long run, not after it, when the report folder cannot be made.
            Directory.CreateDirectory(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {request.OutputDirectory}: cannot create the report folder: {e.Message}", e);
        }

        var featuresFolder = config.Features ?? SuiteRunner.DefaultFeatures;
        if (!Directory.Exists(featuresFolder))
        {
            throw new UsageException($"features folder {featuresFolder} does not exist; expected the suite's features/ (copied beside nvf.dll) or a \"features\" folder named in --config.");
        }

        var catalog = FeatureCatalog.Load(featuresFolder);
        var scenarios = SuiteRunner.Select(catalog, tags);
        if (scenarios.Count == 0)
        {
            throw new UsageException($"--tags \"{tagText}\" selects none of the {catalog.Features.Sum(f => f.Scenarios.Count)} scenarios in {featuresFolder}.");
        }

        // The steps resolve fixtures/baselines through the same root, and read the config's variables.
        Environment.SetEnvironmentVariable(RepositoryLayout.RootVariable, root);
        foreach (var (name, value) in config.Environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        console.MarkupLine($"[bold]nvf gate[/]: {scenarios.Count} scenarios from {Markup.Escape(featuresFolder)}{(tags is null ? "" : $" matching {Markup.Escape(tags.Text)}")}");
        var display = new ProgressDisplay(console, scenarios.Count);
        var report = await SuiteRunner.RunAsync(scenarios, catalog.RefusedFiles, display.OnProgress);

        var history = RunHistory.InRepository(root);
        var record = RunRecordBuilder.Build(report, RunHistory.NewRunId(report.StartedAt), tagText, root, request.ConfigPath is null ? [] : [Path.GetFullPath(request.ConfigPath)]);
        var baselinePath = Baseline.PathFor(root, BaselineName);
        var comparison = File.Exists(baselinePath) ? BaselineComparison.Compare(Baseline.Load(baselinePath), record.Metrics) : null;
        var runs = history.List().Runs.Append(record).ToList();
        var section = new ReportSection("Run history and regression check", RunSummary.Html(record, runs, comparison), RunSummary.Markdown(record, runs, comparison));
        var withHistory = report with { Sections = [section] };

        var runFolder = history.RunDirectory(record.RunId);
        var written = ReportFiles.WriteAll(withHistory, runFolder, config.ReportName);
        var copies = ReportFiles.WriteAll(withHistory, output, config.ReportName);
        history.Record(record with { Reports = written.Select(Path.GetFileName).ToList()! });

        console.WriteLine();
        var repeated = record.Metrics.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            // Baselines and trends key metrics by name; a repeated name keeps only its last value.
            console.MarkupLine($"[yellow]metrics recorded more than once (the last value counts):[/] {Markup.Escape(string.Join(", ", repeated))}");
        }

        VerdictDisplay.Write(console, report, comparison);
        console.MarkupLine($"reports: {Markup.Escape(string.Join(", ", copies))}");
        console.MarkupLine($"run {record.RunId} recorded in {Markup.Escape(runFolder)}");
        return report.Succeeded ? ExitCodes.Passed : ExitCodes.Failed;
    }
}
