using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Core.History;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>`nvf history [--last N]`: the last runs' metrics side by side, with verdict and commit.</summary>
public static class HistoryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "How many runs to show (newest last).", DefaultValueFactory = _ => 5 };
        var command = new Command("history", "Show the last runs' key metrics side by side.") { last };
        command.SetAction(parse => Run(parse.GetValue(last), Terminal.Console));
        return command;
    }

    static int Run(int last, IAnsiConsole console)
    {
        if (last < 1)
        {
            throw new UsageException($"--last {last}: expected a number of runs >= 1.");
        }

        var listing = RunHistory.InRepository(Repository.Root).List();
        foreach (var problem in listing.Problems)
        {
            console.MarkupLine($"[yellow]unreadable run record[/] {Markup.Escape(problem)}");
        }

        var runs = listing.Runs.TakeLast(last).ToList();
        if (runs.Count == 0)
        {
            console.MarkupLine("No run recorded yet: run [bold]nvf gate[/] first.");
            return ExitCodes.Passed;
        }

        var (headers, rows) = MetricTrends.SideBySide(runs);
        var table = new Table().Border(TableBorder.Rounded).AddColumns(headers.Select(Markup.Escape).ToArray());
        table.AddRow(["verdict", .. runs.Select(r => r.Passed ? "[green]passed[/]" : "[red]failed[/]")]);
        table.AddRow(["commit", .. runs.Select(r => Markup.Escape(r.Provenance.Git.Commit.Length > 8 ? r.Provenance.Git.Commit[..8] : r.Provenance.Git.Commit))]);
        table.AddRow(["scenarios", .. runs.Select(r => $"{r.Scenarios.Count(s => s.Status == "passed")}/{r.Scenarios.Count} passed")]);
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        return ExitCodes.Passed;
    }
}
