using Nvf.Core.Answers;
using System.CommandLine;
using System.Text.RegularExpressions;
using Nvf.Cli.CommandLine;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Files;
using Nvf.Gherkin.Reports;
using Nvf.Gate;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>`nvf history [--last N] [--metrics GLOB[,GLOB…]]`: the last runs' metrics side by side (one row per metric, one column per run), with verdict and commit.</summary>
public static class HistoryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "How many runs to show (newest last).", DefaultValueFactory = _ => 5 };
        var metrics = new Option<string?>("--metrics") { Description = "Show only metrics whose names match these globs, comma-separated (* any text, ? one character), e.g. \"infonce.*,nvf.*.top1\"." };
        var html = new Option<string?>("--html") { Description = "Also write a standalone HTML page of the research notes' headline metrics over the last runs (trend plots with intervals, the accepted baseline, the runs where a metric moved by more than its tolerance) to this file." };
        var tag = new Option<string?>("--tag") { Description = "Only the runs labelled so (`nvf evaluate --tag`): the epochs of one training, side by side." };
        var command = new Command("history", "Show the last runs' key metrics side by side (and, with --html, their trends as a page).") { last, metrics, html, tag };
        command.SetAction(parse => Run(parse.GetValue(last), parse.GetValue(metrics), parse.GetValue(html), parse.GetValue(tag), Terminal.Console));
        return command;
    }

    static int Run(int last, string? metricGlobs, string? htmlFile, string? label, IAnsiConsole console)
    {
        if (last < 1)
        {
            throw new UsageException($"--last {last}: expected a number of runs >= 1.");
        }

        var filter = metricGlobs is null ? null : Globs(metricGlobs);
        var listing = RunHistory.InRepository(Repository.Root).ListComplete();
        foreach (var problem in listing.Problems)
        {
            console.MarkupLine($"[yellow]left out[/] {Markup.Escape(problem)}");
        }

        var labelled = label is null ? listing.Runs : listing.Runs.Where(r => r.Labels.Contains(label)).ToList();
        if (label is not null && labelled.Count == 0)
        {
            throw new UsageException($"--tag {label}: no recorded run carries that label; label runs with `nvf evaluate --tag {label}`.");
        }

        var runs = labelled.TakeLast(last).ToList();
        if (htmlFile is not null)
        {
            var baselinePath = Baseline.PathFor(Repository.Root, GateRecorder.BaselineName);
            var baseline = File.Exists(baselinePath) ? Baseline.Load(baselinePath) : null;
            var page = Path.GetFullPath(htmlFile);
            AtomicFile.WriteAllText(page, HeadlineTrends.HtmlPage(runs, baseline, listing.Problems));
            var moves = HeadlineTrends.Of(runs, baseline).Sum(t => t.Moves.Count);
            console.MarkupLine($"trends of {runs.Count} runs written to {Markup.Escape(page)} ({moves} move(s) beyond tolerance)");
        }

        if (runs.Count == 0)
        {
            console.MarkupLine("No run recorded yet: run [bold]nvf gate[/] (or dotnet test) first.");
            return ExitCodes.Passed;
        }

        var (_, allRows) = MetricTrends.SideBySide(runs);
        var rows = filter is null ? allRows : allRows.Where(r => filter.IsMatch(r[0])).ToList();
        if (filter is not null && rows.Count == 0)
        {
            throw new UsageException($"--metrics {metricGlobs} matches none of the {allRows.Count} metrics of the last {runs.Count} runs ({string.Join(", ", allRows.Take(8).Select(r => r[0]))}{(allRows.Count > 8 ? ", …" : "")}).");
        }

        // Run ids on two lines (date, time-suffix) keep ten runs within a terminal's width.
        var table = new Table().Border(TableBorder.Rounded).AddColumn("metric");
        foreach (var run in runs)
        {
            table.AddColumn(new TableColumn(Markup.Escape(run.RunId.Length > 9 ? run.RunId[..8] + "\n" + run.RunId[9..] : run.RunId)).RightAligned());
        }

        table.AddRow(["verdict", .. runs.Select(r => r.Passed ? "[green]passed[/]" : "[red]failed[/]")]);
        table.AddRow(["scope", .. runs.Select(r => Markup.Escape(r.Full ? "full" : r.Tags ?? "filtered"))]);
        table.AddRow(["commit", .. runs.Select(r => Markup.Escape(r.Provenance.Git.Commit.Length > 8 ? r.Provenance.Git.Commit[..8] : r.Provenance.Git.Commit))]);
        table.AddRow(["scenarios", .. runs.Select(r => $"{r.Scenarios.Count(s => s.Status == "passed")}/{r.Scenarios.Count} passed")]);
        if (runs.Any(r => r.Name is not null || r.Labels.Count > 0 || r.Evaluated.Count > 0))
        {
            // A researcher's runs: which model and epoch, and the decision its answers gave.
            table.AddRow(["name", .. runs.Select(r => Markup.Escape(r.Name ?? "—"))]);
            table.AddRow(["labels", .. runs.Select(r => Markup.Escape(r.Labels.Count == 0 ? "—" : string.Join(", ", r.Labels)))]);
            table.AddRow(["model", .. runs.Select(r => Markup.Escape(r.Evaluated.LastOrDefault() is { } m ? $"{m.Model ?? Path.GetFileName(m.Predictions)}, epoch {m.Epoch}" : "—"))]);
            table.AddRow(["tier", .. runs.Select(r => Markup.Escape(Answer(r, ResearchQuestions.Tier)))]);
            table.AddRow(["decision", .. runs.Select(r => Markup.Escape(Answer(r, ResearchQuestions.Decision)))]);
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        if (filter is null && rows.Count > 20)
        {
            console.MarkupLine($"[grey]{rows.Count} metrics; show some with --metrics \"GLOB\" (e.g. --metrics \"infonce.*\").[/]");
        }

        return ExitCodes.Passed;
    }

    static string Answer(RunRecord run, ResearchQuestion question) =>
        run.Answers.LastOrDefault(a => a.QuestionId == question.Id && a.Verdict != AnswerRow.NotRun)?.Figure ?? "—";

    static Regex Globs(string text)
    {
        var globs = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (globs.Length == 0)
        {
            throw new UsageException($"--metrics \"{text}\": expected one or more globs such as \"infonce.*\", comma-separated.");
        }

        var pattern = string.Join("|", globs.Select(g => Regex.Escape(g).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal)));
        return new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant);
    }
}
