using System.Text;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>
/// Writes a Markdown summary for a CI job summary: the verdict and counts, one line per scenario, every
/// problem with its text, skip reasons, and the tables steps attached (the seeds' "Check | Result | Status").
/// </summary>
public static class MarkdownSummaryWriter
{
    /// <summary>Returns the summary as Markdown text.</summary>
    /// <param name="report">The run.</param>
    /// <param name="title">The report's title (its name).</param>
    public static string Write(RunReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var counts = report.Counts;
        md.AppendLine($"## {(report.Succeeded ? "✅" : "❌")} {title}{(report.DryRun ? " (dry run: bindings checked, nothing ran)" : "")}");
        md.AppendLine();
        md.AppendLine($"{report.Results.Count} scenarios: " +
            string.Join(", ", counts.Where(c => c.Value > 0 || c.Key is StepStatus.Passed or StepStatus.Failed).Select(c => $"{c.Value} {StatusText.Name(c.Key)}")) +
            $" in {report.Duration.TotalSeconds:0.0} s");
        md.AppendLine();
        foreach (var section in report.Sections.Where(s => s.Lead))
        {
            AppendSection(md, section);
        }

        var runProblems = report.RefusedFiles.Select(f => $"- ❌ `{f.Key}` refused: {f.Value.ReplaceLineEndings(" ")}")
            .Concat(report.RunHooks.Where(h => h.Status == StepStatus.Failed).Select(h => $"- ❌ [{h.Kind}] {h.Location}: {FirstLine(h.Error)}"))
            .ToList();
        if (runProblems.Count > 0)
        {
            runProblems.ForEach(p => md.AppendLine(p));
            md.AppendLine();
        }

        md.AppendLine("| | Feature | Scenario | Duration |");
        md.AppendLine("|---|---|---|---|");
        foreach (var result in report.Results)
        {
            md.AppendLine($"| {StatusText.Symbol(result.Status)} | {Cell(result.Scenario.Feature.Name)} | {Cell(ScenarioLabel(result))} | {StatusText.Milliseconds(result.Duration)} |");
        }

        var problems = report.Results.Where(r => r.Status is not (StepStatus.Passed or StepStatus.Skipped)).ToList();
        if (problems.Count > 0)
        {
            md.AppendLine().AppendLine("### Problems").AppendLine();
            foreach (var result in problems)
            {
                md.AppendLine($"**{StatusText.Symbol(result.Status)} {Cell(result.Scenario.DisplayName)}** ({result.Scenario.Feature.Uri}:{result.Scenario.Line})");
                md.AppendLine().AppendLine("```text").AppendLine(result.FailureMessage.Trim()).AppendLine("```").AppendLine();
            }
        }

        var skipped = report.Results.Where(r => r.Status == StepStatus.Skipped).ToList();
        if (skipped.Count > 0)
        {
            md.AppendLine().AppendLine("### Skipped (precondition not met)").AppendLine();
            skipped.ForEach(r => md.AppendLine($"- ⏭️ {Cell(r.Scenario.DisplayName)}: {r.SkipReason}"));
        }

        AppendTables(md, report);
        AppendMetrics(md, report);
        return md.ToString();
    }

    static void AppendTables(StringBuilder md, RunReport report)
    {
        var tables = report.Results
            .SelectMany(r => r.Steps.SelectMany(s => s.Attachments).Where(a => a.Kind == AttachmentKind.Table).Select(a => (r, a)))
            .ToList();
        if (tables.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("### Attached tables").AppendLine();
        foreach (var (result, table) in tables)
        {
            md.AppendLine($"**{Cell(table.Title)}** — {Cell(result.Scenario.DisplayName)}").AppendLine();
            md.AppendLine(table.Content);
        }
    }

    static void AppendMetrics(StringBuilder md, RunReport report)
    {
        var metrics = report.Metrics.ToList();
        if (metrics.Count > 0)
        {
            md.AppendLine().AppendLine("### Metrics").AppendLine();
            md.Append("| ").AppendJoin(" | ", MetricRows.Headers).AppendLine(" |");
            md.Append('|').AppendJoin('|', MetricRows.Headers.Select(_ => "---")).AppendLine("|");
            metrics.ForEach(m => md.Append("| ").AppendJoin(" | ", MetricRows.Row(m.Result, m.Metric).Select(Cell)).AppendLine(" |"));
        }

        foreach (var section in report.Sections.Where(s => !s.Lead))
        {
            md.AppendLine();
            AppendSection(md, section);
        }
    }

    static void AppendSection(StringBuilder md, ReportSection section)
    {
        md.Append("### ").AppendLine(Cell(section.Title)).AppendLine();
        if (section.Explanation.Length > 0)
        {
            md.Append('*').Append(section.Explanation.ReplaceLineEndings(" ")).AppendLine("*").AppendLine();
        }

        md.AppendLine(section.Markdown.TrimEnd());
        if (section.Lead)
        {
            md.AppendLine();
        }
    }

    static string ScenarioLabel(ScenarioResult result) =>
        result.Status == StepStatus.Skipped ? $"{result.Scenario.Title} — skipped: {result.SkipReason}" : result.Scenario.Title;

    static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();

    static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
