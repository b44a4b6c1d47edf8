using System.Globalization;
using System.Net;
using System.Text;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;

namespace Nvf.Gate;

/// <summary>
/// The research's decision gates in a run (scenarios tagged @gate): each one's outcome and the path it took: the
/// "path taken" table its steps attached when there is one (the InfoNCE auto-evaluation), else why it failed or was
/// skipped, else the last one-line text it attached (e.g. the success tier), else the metrics it recorded.
/// </summary>
public static class DecisionGates
{
    /// <summary>The tag that marks a scenario as a decision gate of the research (features carry it for all their scenarios).</summary>
    public const string GateTag = "gate";

    /// <summary>The section's heading.</summary>
    public const string Title = "Decision gates";

    /// <summary>The line under the heading.</summary>
    public const string Explanation =
        "The scenarios tagged @gate that took a decision path (the auto-evaluation and the predictions' evaluation), and any gate that failed: " +
        "Path is the path its steps recorded, or why it failed. Passing Examples rows of a pure function are summarised; every check's figure and verdict is in Answers.";

    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["Outcome", "Gate", "Path"];

    /// <summary>
    /// One row per decision gate that recorded a path or did not pass (passing or skipped checks without a path are left to Answers), in run order:
    /// status name, "feature › scenario", path. Consecutive Examples rows of one
    /// Scenario Outline that passed without recording a path or a metric (the boundary cases of a pure function, such as
    /// the decision tree's) are one row saying how many passed.
    /// </summary>
    /// <param name="report">The run.</param>
    public static IReadOnlyList<(StepStatus Status, string Gate, string Path)> Rows(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<(StepStatus Status, string Gate, string Path)>();
        var gates = report.Results.Where(r => r.Scenario.HasTag(GateTag)).ToList();
        for (var i = 0; i < gates.Count; i++)
        {
            if (!IsBoundaryRow(gates[i]))
            {
                // A gate that took a path, or did not pass, is a row; a passing check without a path is answered in "Answers".
                if (PathTable(gates[i]) is not null || gates[i].Status is not (StepStatus.Passed or StepStatus.Skipped))
                {
                    rows.Add((gates[i].Status, gates[i].Scenario.DisplayName, Path(gates[i])));
                }

                continue;
            }

            var first = gates[i].Scenario;
            var columns = string.Join(", ", first.ExampleValues.Select(v => v.Key));
            var count = 1;
            while (i + 1 < gates.Count && IsBoundaryRow(gates[i + 1]) && gates[i + 1].Scenario.Feature == first.Feature
                && string.Join(", ", gates[i + 1].Scenario.ExampleValues.Select(v => v.Key)) == columns)
            {
                count++;
                i++;
            }

            var rowsText = count == 1 ? "row" : "rows";
            rows.Add((StepStatus.Passed, string.Create(CultureInfo.InvariantCulture, $"{first.Feature.Name} › {count} Examples {rowsText} ({columns})"),
                string.Create(CultureInfo.InvariantCulture, $"{count} boundary {rowsText} passed: each gave the result its row states")));
        }

        return rows;
    }

    static bool IsBoundaryRow(ScenarioResult result) =>
        result.Scenario.ExampleValues.Count > 0 && result.Status == StepStatus.Passed && result.Metrics.Count == 0 && PathTable(result) is null;

    static Attachment? PathTable(ScenarioResult result) =>
        result.Steps.SelectMany(s => s.Attachments).LastOrDefault(a => a.Kind == AttachmentKind.Table && a.Title.Contains("path", StringComparison.OrdinalIgnoreCase) && a.Headers.Count >= 2);

    /// <summary>The path a gate took: the attached "path" table's rows ("step: result → …"), else the problem, else the last one-line text it attached, else the metrics it recorded.</summary>
    /// <param name="result">The gate's result.</param>
    public static string Path(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var attachments = result.Steps.SelectMany(s => s.Attachments).ToList();
        var table = PathTable(result);
        if (result.Status == StepStatus.Passed && table is not null)
        {
            return string.Join(" → ", table.Rows.Select(r => $"{r[0]}: {r[1]}"));
        }

        return ScenarioProblem.FirstLine(result)
            ?? attachments.LastOrDefault(a => a.Kind == AttachmentKind.Text && !a.Content.Contains('\n'))?.Content
            ?? string.Join(", ", result.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} = {m.Value:G4}")));
    }

    /// <summary>The report section (HTML and Markdown), or null when no gate ran.</summary>
    /// <param name="report">The run.</param>
    public static ReportSection? Section(RunReport report)
    {
        var rows = Rows(report);
        if (rows.Count == 0)
        {
            return null;
        }

        var html = new StringBuilder("<table><thead><tr>");
        html.AppendJoin("", Headers.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr></thead><tbody>");
        var md = new StringBuilder("| ").AppendJoin(" | ", Headers).AppendLine(" |").AppendLine("|---|---|---|");
        foreach (var (status, gate, path) in rows)
        {
            var name = StatusText.Name(status);
            html.Append($"<tr><td><span class=\"badge {name}\">{name}</span></td><td>{WebUtility.HtmlEncode(gate)}</td><td>{WebUtility.HtmlEncode(path)}</td></tr>");
            md.AppendLine($"| {StatusText.Symbol(status)} {name} | {Cell(gate)} | {Cell(path)} |");
        }

        html.Append("</tbody></table>");
        return new ReportSection(Title, html.ToString(), md.ToString()) { Explanation = Explanation };
    }

    static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
