using System.CommandLine;
using System.Globalization;
using Nvf.Cli.CommandLine;
using Nvf.Cli.Report;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Gate;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>
/// `nvf report [RUN] [--out DIR] [--screenshot FILE.png]`: re-renders a recorded run's reports (HTML, Markdown,
/// Cucumber JSON) from its run folder alone, byte for byte as the gate wrote them, and optionally renders the
/// HTML report headlessly to a PNG.
/// </summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var run = new Argument<string?>("run") { Description = "A run id or a unique prefix of one (default: the latest run).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out") { Description = "Folder for the re-rendered reports (default: the run's own folder under artifacts/runs)." };
        var screenshot = new Option<string?>("--screenshot") { Description = "Also render the HTML report in headless Chromium to this PNG." };
        var size = new Option<string>("--screenshot-size") { Description = "Window of the screenshot, WIDTHxHEIGHT in px.", DefaultValueFactory = _ => "1280x2000" };
        var command = new Command("report", "Re-render a recorded run's reports (acceptance.html, .md, .cucumber.json) from its run folder; optionally screenshot the HTML.") { run, output, screenshot, size };
        command.SetAction(parse => Run(parse.GetValue(run), parse.GetValue(output), parse.GetValue(screenshot), parse.GetValue(size)!, Terminal.Console));
        return command;
    }

    static int Run(string? runName, string? output, string? screenshot, string size, IAnsiConsole console)
    {
        var (width, height) = Size(size);
        if (screenshot is not null && !screenshot.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--screenshot {screenshot}: expected a .png file name.");
        }

        var history = RunHistory.InRepository(Repository.Root);
        var record = history.Find(runName);
        var folder = history.RunDirectory(record.RunId);
        var reportName = record.Reports.Where(IsGateHtml).Select(r => r[..^".html".Length]).FirstOrDefault()
            ?? throw new UsageException($"run {record.RunId} lists no HTML report in {Path.Combine(folder, RunHistory.RecordFileName)}; expected a run recorded by `nvf gate` or `dotnet test`.");
        var target = output is null ? folder : Path.GetFullPath(output);
        var files = GateRecorder.Rerender(folder, reportName, target);

        var table = new Table().Border(TableBorder.Rounded).Title($"run {record.RunId}: {(record.Passed ? "[green]passed[/]" : "[red]failed[/]")}")
            .AddColumns("Status", "Feature", "Scenario", "Why");
        foreach (var scenario in record.Scenarios)
        {
            table.AddRow(Markup.Escape(scenario.Status), Markup.Escape(scenario.Feature), Markup.Escape(scenario.Scenario), Markup.Escape(scenario.Problem ?? ""));
        }

        console.Write(table);
        var comparison = HistoryWindow.Load(Path.Combine(folder, HistoryWindow.FileName)).Comparison;
        console.MarkupLine(Markup.Escape(comparison is null
            ? "no baseline was accepted when the run was recorded"
            : comparison.Passed
                ? $"no regression against the baseline accepted then ({comparison.Compared} metrics compared)"
                : $"{comparison.Regressions.Count} metric(s) regressed, {comparison.Disappeared.Count} disappeared:{Environment.NewLine}{RegressionTable.Describe(comparison)}"));
        console.MarkupLine($"wrote {Markup.Escape(string.Join(", ", files))}");

        if (screenshot is not null)
        {
            var html = files.Single(IsGateHtml);
            var messages = HeadlessScreenshot.Render(html, screenshot, width, height);
            foreach (var message in messages)
            {
                console.MarkupLine($"[yellow]page console:[/] {Markup.Escape(message)}");
            }

            console.MarkupLine($"screenshot {Markup.Escape(Path.GetFullPath(screenshot))} ({width}x{height}, {messages.Count} console messages)");
            if (messages.Count > 0)
            {
                return ExitCodes.Failed;
            }
        }

        return ExitCodes.Passed;
    }

    // The gate's own HTML report, not Cucumber's (<name>.cucumber.html) written beside it.
    static bool IsGateHtml(string file) =>
        file.EndsWith(".html", StringComparison.Ordinal) && !file.EndsWith(".cucumber.html", StringComparison.Ordinal);

    static (int Width, int Height) Size(string text)
    {
        var parts = text.Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width is >= 320 and <= 8000
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height) && height is >= 240 and <= 20000)
        {
            return (width, height);
        }

        throw new UsageException($"--screenshot-size {text}: expected WIDTHxHEIGHT in px, e.g. 1280x2000 (width 320-8000, height 240-20000).");
    }
}
