using Nvf.Core.Answers;
using Nvf.Core.Baselines;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Gate;
using Spectre.Console;

namespace Nvf.Cli.Gate;

/// <summary>Prints a finished run: the verdict per feature, each decision gate's outcome, regressions, and the verdict.</summary>
public static class VerdictDisplay
{
    /// <summary>The research notes' questions as the run answered them, first (figure with interval, target, ceiling, verdict).</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="answers">The run's answers.</param>
    public static void WriteAnswers(IAnsiConsole console, IReadOnlyList<AnswerRow> answers)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            return;
        }

        // Questions outside the run's selection are one line under the table, not a row each.
        var unselected = answers.Where(a => a.Verdict == AnswerRow.NotRun && a.Detail.StartsWith(AnswerRow.NotSelected, StringComparison.Ordinal)).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title("Answers").AddColumns("Question", "Case", "Figure", "Target", "Ceiling", "Verdict");
        foreach (var a in answers.Except(unselected))
        {
            var figure = a.Interval == AnswerRow.None ? a.Figure : $"{a.Figure} {a.Interval}";
            var verdict = a.Verdict switch
            {
                "met" or "answered" => $"[green]{a.Verdict}[/]",
                "missed" => "[red]missed[/]",
                "UNREACHABLE" => "[yellow]UNREACHABLE[/]",
                _ => $"[grey]{Markup.Escape(a.Verdict)}: {Markup.Escape(a.Detail)}[/]",
            };
            table.AddRow(Markup.Escape(a.Question), Markup.Escape(a.Case), Markup.Escape(figure), Markup.Escape(a.Target), Markup.Escape(a.Ceiling), verdict);
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }

        if (unselected.Count > 0)
        {
            console.MarkupLine($"[grey]not run: {unselected.Count} of the research notes' {answers.Select(a => a.QuestionId).Distinct().Count()} questions are outside this run's selection ({Markup.Escape(string.Join(", ", unselected.Select(a => a.Location).Distinct()))}).[/]");
        }
    }

    /// <summary>Writes the answers, the tables and the closing verdict line.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="report">The run.</param>
    /// <param name="comparison">The run against the accepted baseline, or null when none is accepted.</param>
    /// <param name="answers">The run's answers to the research notes' questions.</param>
    public static void Write(IAnsiConsole console, RunReport report, BaselineComparison? comparison, IReadOnlyList<AnswerRow> answers)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(answers);
        WriteAnswers(console, answers);
        var features = new Table().Border(TableBorder.Rounded).Title("Verdict per feature")
            .AddColumns("Feature", "Scenarios", "Passed", "Failed", "Skipped", "Verdict");
        foreach (var feature in report.Features)
        {
            var results = report.ResultsOf(feature).ToList();
            var worst = StatusText.Worst(results.Select(r => r.Status));
            features.AddRow(
                Markup.Escape(feature.Name),
                results.Count.ToString(),
                results.Count(r => r.Status == StepStatus.Passed).ToString(),
                results.Count(r => r.Status is not (StepStatus.Passed or StepStatus.Skipped)).ToString(),
                results.Count(r => r.Status == StepStatus.Skipped).ToString(),
                Status(worst));
        }

        console.Write(features);
        var gates = DecisionGates.Rows(report);
        if (gates.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Decision gates").AddColumns(DecisionGates.Headers.ToArray());
            foreach (var (status, gate, path) in gates)
            {
                table.AddRow(Status(status), Markup.Escape(gate), Markup.Escape(path));
            }

            console.Write(table);
        }

        if (comparison is { Passed: false })
        {
            var regressions = new Table().Border(TableBorder.Rounded).Title("[red]Metrics worse than the accepted baseline[/]").AddColumns(RegressionTable.Headers.ToArray());
            foreach (var row in RegressionTable.Rows(comparison))
            {
                regressions.AddRow(row.Select(Markup.Escape).ToArray());
            }

            console.Write(regressions);
            foreach (var line in RegressionTable.DisappearedLines(comparison))
            {
                console.MarkupLine($"[red]{Markup.Escape(line)}[/]");
            }
        }

        if (comparison is { NotComparable.Count: > 0 })
        {
            var timings = new Table().Border(TableBorder.Rounded)
                .Title($"[yellow]Timings not compared[/]: {Markup.Escape(comparison.NotComparable[0].Why)}")
                .AddColumns("Metric", "This run", "Baseline");
            foreach (var t in comparison.NotComparable)
            {
                timings.AddRow(Markup.Escape(t.Name), Markup.Escape(Number(t.Obtained, t.Unit)), Markup.Escape(Number(t.Expected, t.Unit)));
            }

            console.Write(timings);
            console.MarkupLine("[yellow]to compare timings on this machine:[/] nvf baseline accept --for-this-machine (after a passing run here; commit the file it writes)");
        }

        foreach (var (uri, errors) in report.RefusedFiles)
        {
            console.MarkupLine($"[red]refused feature file[/] {Markup.Escape(uri)}: {Markup.Escape(errors.ReplaceLineEndings(" "))}");
        }

        var counts = string.Join(", ", report.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {StatusText.Name(c.Key)}"));
        console.MarkupLine(report.Succeeded
            ? $"[green bold]GATE PASSED[/] ({Markup.Escape(counts)} in {report.Duration.TotalSeconds:0.0} s)"
            : $"[red bold]GATE FAILED[/] ({Markup.Escape(counts)} in {report.Duration.TotalSeconds:0.0} s)");
    }

    static string Number(double value, string unit) =>
        value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + (unit.Length == 0 ? "" : " " + unit);

    static string Status(StepStatus status) => status switch
    {
        StepStatus.Passed => "[green]✅ passed[/]",
        StepStatus.Skipped => "[blue]⏭ skipped[/]",
        _ => $"[red]❌ {StatusText.Name(status)}[/]",
    };
}
