using System.CommandLine;
using System.Globalization;
using Nvf.Cli.CommandLine;
using Nvf.Core.Baselines;
using Nvf.Core.Decision;
using Nvf.Core.History;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;
using Nvf.Core.Retrieval;
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
        var table = new Spectre.Console.Table().Border(TableBorder.Rounded)
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
        PairedQueries(history, a, b, console);
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

    // Both runs evaluated predictions of the same eval set: McNemar on the R@5 hits of the same queries, beside the
    // difference in standard errors above (which treats the two runs as independent samples).
    static void PairedQueries(RunHistory history, RunRecord a, RunRecord b, IAnsiConsole console)
    {
        if (a.Evaluated.Count == 0 || b.Evaluated.Count == 0)
        {
            return;
        }

        var (first, second) = (Read(history, a), Read(history, b));
        if (first is null || second is null)
        {
            return;
        }

        if (first.Rows.Count != second.Rows.Count || first.Rows.Zip(second.Rows).Any(p => p.First.Truth != p.Second.Truth))
        {
            console.MarkupLine(Markup.Escape($"per-query results not paired: {first.Rows.Count:N0} and {second.Rows.Count:N0} queries of different eval sets; only the difference in standard errors applies."));
            return;
        }

        var test = McNemar.Of(first.Rows.Select(r => r.Rank is >= 0 and < 5).ToList(), second.Rows.Select(r => r.Rank is >= 0 and < 5).ToList());
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"R@5 hits, paired over {first.Rows.Count:N0} queries (McNemar): {test.Both:N0} both, {test.OnlyFirst:N0} only {a.RunId}, {test.OnlySecond:N0} only {b.RunId}, {test.Neither:N0} neither; exact p = {test.PValue:G3}{(test.PValue < 0.05 ? ": the runs differ" : ": no difference the pairs can resolve")}.")));
    }

    static PerQueryResults? Read(RunHistory history, RunRecord run)
    {
        var file = Path.Combine(history.RunDirectory(run.RunId), run.Evaluated[^1].PerQuery);
        try
        {
            return PerQueryResults.Read(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new UsageException($"{file}: {e.Message}", e);
        }
    }

    static string Number(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
