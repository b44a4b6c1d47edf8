using System.Net;
using System.Text;

namespace Nvf.Core.Answers;

/// <summary>The "Answers" section of a run's reports, drawn from its <see cref="AnswerRow"/>s: HTML and Markdown.</summary>
public static class AnswersTable
{
    /// <summary>The section's heading.</summary>
    public const string Title = "Answers";

    /// <summary>The line under the heading.</summary>
    public const string Explanation =
        "One row per question of the two research notes (and per case it was answered for): the figure with its 95% interval, " +
        "the target and the oracle ceiling where there is one, the verdict, and the scenario that proves it. " +
        "Questions this run did not reach say why.";

    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["Question", "Case", "Figure", "Interval", "Target", "Ceiling", "Verdict", "Why", "Proven by"];

    /// <summary>The cells of a row, in <see cref="Headers"/> order (the last is the scenario's name).</summary>
    /// <param name="row">The row.</param>
    public static IReadOnlyList<string> Cells(AnswerRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.Question, row.Case, row.Figure, row.Interval, row.Target, row.Ceiling, row.Verdict, row.Detail, row.Scenario];
    }

    /// <summary>The table as an HTML fragment; each "Proven by" cell links to the scenario in the same report.</summary>
    /// <param name="rows">The rows.</param>
    public static string Html(IReadOnlyList<AnswerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var html = new StringBuilder("<table class=\"answers\"><thead><tr>");
        html.AppendJoin("", Headers.Select(h => $"<th>{E(h)}</th>")).Append("</tr></thead><tbody>");
        string? note = null;
        foreach (var row in rows)
        {
            if (row.Note != note)
            {
                note = row.Note;
                html.Append($"<tr class=\"note\"><th colspan=\"{Headers.Count}\">{E(note)}</th></tr>");
            }

            html.Append($"<tr data-question=\"{E(row.QuestionId)}\">");
            foreach (var cell in Cells(row).Take(Headers.Count - 3))
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append($"<td><span class=\"badge {Css(row.Verdict)}\">{E(row.Verdict)}</span></td><td>{E(row.Detail)}</td><td>");
            // The scenario's title links to it (the feature in the tooltip); a question not run names its file.
            var title = row.Scenario.Split(" › ", 2) is [_, var scenario] ? scenario : row.Scenario;
            html.Append(row.Anchor.Length > 0 ? $"<a href=\"#{E(row.Anchor)}\" title=\"{E(row.Scenario)} ({E(row.Location)})\">{E(title)}</a>" : $"{E(row.Scenario)} <small>({E(row.Location)})</small>");
            html.Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The table as Markdown (the verdict with a symbol, the scenario with its file and line).</summary>
    /// <param name="rows">The rows.</param>
    public static string Markdown(IReadOnlyList<AnswerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var md = new StringBuilder("| ").AppendJoin(" | ", Headers).AppendLine(" |");
        md.Append('|').AppendJoin('|', Headers.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            var cells = Cells(row).Select(Cell).ToList();
            cells[6] = $"{Symbol(row.Verdict)} {cells[6]}";
            cells[8] = $"{cells[8]} (`{row.Location}`)";
            md.Append("| ").AppendJoin(" | ", cells).AppendLine(" |");
        }

        return md.ToString();
    }

    /// <summary>A symbol for a verdict: ✅ met or answered, ❌ missed, ⛔ unreachable, ⏭️ not run.</summary>
    /// <param name="verdict">The verdict.</param>
    public static string Symbol(string verdict) => verdict switch
    {
        "met" or "answered" => "✅",
        "missed" => "❌",
        "UNREACHABLE" => "⛔",
        _ => "⏭️",
    };

    // The report's badge classes: passed (green), failed (red), skipped (grey), undefined (amber).
    static string Css(string verdict) => verdict switch
    {
        "met" or "answered" => "passed",
        "missed" => "failed",
        "UNREACHABLE" => "undefined",
        _ => "skipped",
    };

    static string E(string text) => WebUtility.HtmlEncode(text);

    static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
