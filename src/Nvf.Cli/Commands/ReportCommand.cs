using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Gherkin.Reports;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>`nvf report [RUN]`: re-renders a recorded run's summary (outcomes, regressions against today's baseline, trends up to it).</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var run = new Argument<string?>("run") { Description = "A run id or a unique prefix of one (default: the latest run).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("report", "Re-render the summary of a recorded run (summary.md, summary.html in its run folder) from its recorded results.") { run };
        command.SetAction(parse => Run(parse.GetValue(run), Terminal.Console));
        return command;
    }

    static int Run(string? runName, IAnsiConsole console)
    {
        var root = Repository.Root;
        var history = RunHistory.InRepository(root);
        var record = history.Find(runName);
        var upToRun = history.List().Runs.TakeWhile(r => r.RunId != record.RunId).Append(record).ToList();
        var baselinePath = Baseline.PathFor(root, Gate.GateRun.BaselineName);
        var comparison = File.Exists(baselinePath) ? BaselineComparison.Compare(Baseline.Load(baselinePath), record.Metrics) : null;
        var folder = history.RunDirectory(record.RunId);
        var markdown = Path.Combine(folder, "summary.md");
        var html = Path.Combine(folder, "summary.html");
        AtomicFile.WriteAllText(markdown, RunSummary.MarkdownDocument(record, upToRun, comparison));
        AtomicFile.WriteAllText(html, RunSummary.HtmlPage(record, upToRun, comparison));

        var table = new Table().Border(TableBorder.Rounded).Title($"run {record.RunId}: {(record.Passed ? "[green]passed[/]" : "[red]failed[/]")}")
            .AddColumns("Status", "Feature", "Scenario", "Why");
        foreach (var scenario in record.Scenarios)
        {
            table.AddRow(Markup.Escape(scenario.Status), Markup.Escape(scenario.Feature), Markup.Escape(scenario.Scenario), Markup.Escape(scenario.Problem ?? ""));
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(comparison is null ? "no baseline accepted yet" : comparison.Passed ? $"no regression against the accepted baseline ({comparison.Compared} metrics compared)" : $"{comparison.Regressions.Count} metric(s) regressed:{Environment.NewLine}{RegressionTable.Describe(comparison)}"));
        console.MarkupLine($"wrote {Markup.Escape(markdown)} and {Markup.Escape(html)}");
        return ExitCodes.Passed;
    }
}
