using System.CommandLine;
using System.Globalization;
using Nvf.Cli.CommandLine;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>
/// `nvf compare FIRST SECOND`: two recorded runs metric by metric (difference, and for criteria the difference in
/// standard errors), then whether SECOND holds against FIRST taken as a baseline. Exit 0 when it holds, 1 when not.
/// </summary>
public static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var first = new Argument<string>("first") { Description = "The reference run's id (see nvf history)." };
        var second = new Argument<string>("second") { Description = "The other run's id." };
        var all = new Option<bool>("--all") { Description = "List every metric, not only those that differ." };
        var command = new Command("compare", "Compare two recorded runs metric by metric, in standard errors for criteria.") { first, second, all };
        command.SetAction(parse => Run(parse.GetValue(first)!, parse.GetValue(second)!, parse.GetValue(all), Terminal.Console));
        return command;
    }

    static int Run(string first, string second, bool all, IAnsiConsole console)
    {
        var history = RunHistory.InRepository(Repository.Root);
        RunRecord a, b;
        try
        {
            (a, b) = (history.Find(first), history.Find(second));
        }
        catch (RunNotFoundException e)
        {
            throw new UsageException(e.Message, e);
        }

        var spread = RunSpread.Between(a, b);
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{a.RunId} ({a.Provenance.Blas?.Kernel ?? "BLAS not recorded"}) vs {b.RunId} ({b.Provenance.Blas?.Kernel ?? "BLAS not recorded"})"))
            .AddColumns("metric", "kind", "first", "second", "difference", "in SE");
        foreach (var row in spread.Rows.Where(r => all || r.Difference != 0))
        {
            table.AddRow(
                Markup.Escape(row.Name),
                row.Kind.ToString().ToLowerInvariant(),
                Number(row.First),
                Number(row.Second),
                Number(row.Difference),
                row.Z is { } z ? z.ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture) : "");
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(spread.Describe()) + ".");
        var c = spread.Comparison;
        if (c.Passed)
        {
            console.MarkupLine($"[green]{Markup.Escape(b.RunId)} holds against {Markup.Escape(a.RunId)} as a baseline[/] ({c.Compared} metrics compared, {c.Tracked.Count} tracked only, {c.NotComparable.Count} timings not comparable).");
            return ExitCodes.Passed;
        }

        console.MarkupLine($"[red]{Markup.Escape(b.RunId)} regresses against {Markup.Escape(a.RunId)}:[/]");
        console.WriteLine(RegressionTable.Describe(c));
        return ExitCodes.Failed;
    }

    static string Number(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
