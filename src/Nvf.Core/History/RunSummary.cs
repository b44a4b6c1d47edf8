using System.Globalization;
using System.Net;
using System.Text;
using Nvf.Core.Baselines;

namespace Nvf.Core.History;

/// <summary>
/// The history part of a run's reports, as Markdown and as an HTML fragment: the run's provenance line,
/// the regression check against the accepted baseline (only the offending metrics), the last runs' metrics
/// side by side and, in HTML, one trend plot per metric across the history (inline SVG).
/// </summary>
public static class RunSummary
{
    /// <summary>How many runs the side-by-side table and the trend plots show, newest last.</summary>
    public const int RunsShown = 10;

    /// <summary>The summary as Markdown.</summary>
    /// <param name="run">The run.</param>
    /// <param name="history">Runs up to and including <paramref name="run"/>, oldest first.</param>
    /// <param name="comparison">The run against the accepted baseline, or null when none is accepted.</param>
    public static string Markdown(RunRecord run, IReadOnlyList<RunRecord> history, BaselineComparison? comparison)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(history);
        var md = new StringBuilder();
        md.AppendLine(Provenance(run)).AppendLine();
        md.AppendLine(MachineLine(run)).AppendLine();
        md.AppendLine(ComparisonLine(comparison)).AppendLine();
        if (comparison is { Passed: false })
        {
            AppendMarkdownTable(md, RegressionTable.Headers, RegressionTable.Rows(comparison));
            md.AppendLine();
        }

        if (comparison is { NotComparable.Count: > 0 })
        {
            md.AppendLine(NotComparableLine(comparison)).AppendLine();
            AppendMarkdownTable(md, NotComparableHeaders, NotComparableRows(comparison));
            md.AppendLine();
        }

        if (MemoryRows(run) is { Count: > 0 } memory)
        {
            md.AppendLine("Peak resident memory per feature (the largest of its scenarios):").AppendLine();
            AppendMarkdownTable(md, MemoryHeaders, memory);
            md.AppendLine();
        }

        var (headers, rows) = MetricTrends.SideBySide(Shown(history));
        if (rows.Count > 0)
        {
            md.AppendLine($"Metrics of the last {Shown(history).Count} runs:").AppendLine();
            AppendMarkdownTable(md, headers, rows);
        }

        return md.ToString();
    }

    /// <summary>The summary as an HTML fragment (no script, no external asset).</summary>
    /// <param name="run">The run.</param>
    /// <param name="history">Runs up to and including <paramref name="run"/>, oldest first.</param>
    /// <param name="comparison">The run against the accepted baseline, or null when none is accepted.</param>
    public static string Html(RunRecord run, IReadOnlyList<RunRecord> history, BaselineComparison? comparison)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(history);
        var html = new StringBuilder();
        html.Append("<p>").Append(E(Provenance(run))).AppendLine("</p>");
        html.Append("<p>").Append(E(MachineLine(run))).AppendLine("</p>");
        html.Append("<p>").Append(E(ComparisonLine(comparison))).AppendLine("</p>");
        if (comparison is { Passed: false })
        {
            AppendHtmlTable(html, RegressionTable.Headers, RegressionTable.Rows(comparison));
        }

        if (comparison is { NotComparable.Count: > 0 })
        {
            html.Append("<p>").Append(E(NotComparableLine(comparison))).AppendLine("</p>");
            AppendHtmlTable(html, NotComparableHeaders, NotComparableRows(comparison));
        }

        if (MemoryRows(run) is { Count: > 0 } memory)
        {
            html.AppendLine("<p>Peak resident memory per feature (the largest of its scenarios):</p>");
            AppendHtmlTable(html, MemoryHeaders, memory);
        }

        var shown = Shown(history);
        var panels = MetricTrends.RenderPanels(shown);
        if (panels.Count > 0)
        {
            html.Append("<h3>Trends over the last ").Append(shown.Count).AppendLine(" runs (one panel per metric; x = run number, oldest first, this run last)</h3>");
            html.Append("<div class=\"trend-grid\">");
            foreach (var (name, svg) in panels)
            {
                html.Append("<figure data-metric=\"").Append(E(name)).Append("\">").Append(svg).Append("</figure>");
            }

            html.AppendLine("</div>");
            html.Append("<h3>Metrics of the last ").Append(shown.Count).AppendLine(" runs</h3>");
        }

        var (headers, rows) = MetricTrends.SideBySide(shown);
        if (rows.Count > 0)
        {
            AppendHtmlTable(html, headers, rows);
        }

        return html.ToString();
    }

    /// <summary>A standalone Markdown document for a recorded run: verdict, every scenario's outcome, then <see cref="Markdown"/>.</summary>
    /// <param name="run">The run.</param>
    /// <param name="history">Runs up to and including <paramref name="run"/>, oldest first.</param>
    /// <param name="comparison">The run against the accepted baseline, or null when none is accepted.</param>
    public static string MarkdownDocument(RunRecord run, IReadOnlyList<RunRecord> history, BaselineComparison? comparison)
    {
        ArgumentNullException.ThrowIfNull(run);
        var md = new StringBuilder();
        md.AppendLine($"## {(run.Passed ? "✅ passed" : "❌ failed")}: run {run.RunId}").AppendLine();
        AppendMarkdownTable(md, OutcomeHeaders, OutcomeRows(run));
        md.AppendLine();
        return md.Append(Markdown(run, history, comparison)).ToString();
    }

    /// <summary>A standalone HTML page for a recorded run (no script, no external asset): <see cref="MarkdownDocument"/>'s content with trend plots.</summary>
    /// <param name="run">The run.</param>
    /// <param name="history">Runs up to and including <paramref name="run"/>, oldest first.</param>
    /// <param name="comparison">The run against the accepted baseline, or null when none is accepted.</param>
    public static string HtmlPage(RunRecord run, IReadOnlyList<RunRecord> history, BaselineComparison? comparison)
    {
        ArgumentNullException.ThrowIfNull(run);
        var html = new StringBuilder();
        var verdict = run.Passed ? "passed" : "failed";
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>run ").Append(E(run.RunId)).AppendLine("</title>");
        html.AppendLine("<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:2px 8px;text-align:left}svg{max-width:100%;height:auto}.passed{color:#2e7d32}.failed{color:#c62828}.trend-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:8px 16px}.trend-grid figure{margin:0}</style>");
        html.AppendLine("</head><body>");
        html.Append("<h1 class=\"").Append(verdict).Append("\">").Append(verdict).Append(": run ").Append(E(run.RunId)).AppendLine("</h1>");
        AppendHtmlTable(html, OutcomeHeaders, OutcomeRows(run));
        html.Append(Html(run, history, comparison));
        return html.AppendLine("</body></html>").ToString();
    }

    static readonly IReadOnlyList<string> OutcomeHeaders = ["Status", "Feature", "Scenario", "Seconds", "Why"];

    static List<IReadOnlyList<string>> OutcomeRows(RunRecord run) =>
        run.Scenarios.Select(s => (IReadOnlyList<string>)[s.Status, s.Feature, s.Scenario, s.Seconds.ToString("0.0", CultureInfo.InvariantCulture), s.Problem ?? ""]).ToList();

    static List<RunRecord> Shown(IReadOnlyList<RunRecord> history) => history.TakeLast(RunsShown).ToList();

    static string Provenance(RunRecord run)
    {
        var git = run.Provenance.Git;
        var commit = git.Commit.Length > 12 ? git.Commit[..12] : git.Commit;
        return string.Create(CultureInfo.InvariantCulture,
            $"Run {run.RunId}{(run.Tags is null ? "" : $" (tags {run.Tags})")}: commit {commit}{(git.Branch is null ? "" : $" on {git.Branch}")}, {run.Provenance.ThreadCount} threads, {run.Provenance.Machine.LogicalCores} cores, {run.Provenance.Machine.OperatingSystem}; {run.Scenarios.Count} scenarios, {run.Metrics.Count} metrics recorded.");
    }

    static readonly IReadOnlyList<string> NotComparableHeaders = ["Timing", "This run", "Baseline"];

    static readonly IReadOnlyList<string> MemoryHeaders = ["Feature", "Peak resident memory", "In scenario"];

    // The BLAS kernel and its measured speed, the run's peak memory, and the generic-kernel warning if any.
    static string MachineLine(RunRecord run)
    {
        var p = run.Provenance;
        var blas = p.Blas is { } b ? string.Create(CultureInfo.InvariantCulture, $"BLAS {b.Kernel} ({b.SgemmGflops:F0} GFLOPS sgemm)") : "BLAS not recorded";
        var cpu = p.Machine.CpuModel ?? "CPU not recorded";
        var peak = p.PeakRssBytes is { } bytes ? "peak resident memory " + global::Nvf.Core.Provenance.ProcessMemory.Describe(bytes) : "peak memory not recorded";
        return $"Machine: {cpu}, {blas}; {peak}.{(p.Blas?.Warning is { } warning ? " Warning: " + warning : "")}";
    }

    static string NotComparableLine(BaselineComparison comparison) =>
        $"{comparison.NotComparable.Count} timings not compared ({comparison.NotComparable[0].Why}); both figures:";

    static List<IReadOnlyList<string>> NotComparableRows(BaselineComparison comparison) =>
        comparison.NotComparable.Select(t => (IReadOnlyList<string>)[t.Name, Figure(t.Obtained, t.Unit), Figure(t.Expected, t.Unit)]).ToList();

    static List<IReadOnlyList<string>> MemoryRows(RunRecord run) =>
        run.Scenarios.Where(s => s.PeakRssBytes is not null).GroupBy(s => s.Feature)
            .Select(g => g.MaxBy(s => s.PeakRssBytes)!)
            .Select(s => (IReadOnlyList<string>)[s.Feature, global::Nvf.Core.Provenance.ProcessMemory.Describe(s.PeakRssBytes!.Value), s.Scenario])
            .ToList();

    static string Figure(double value, string unit) => value.ToString("G4", CultureInfo.InvariantCulture) + (unit.Length == 0 ? "" : " " + unit);

    static string ComparisonLine(BaselineComparison? comparison) => comparison switch
    {
        null => "No baseline accepted yet: accept one with `nvf baseline accept`.",
        { Passed: true } => $"No regression against the accepted baseline ({comparison.Compared} metrics compared, {comparison.NotMeasured.Count} not measured in this run, {comparison.NotInBaseline.Count} new).",
        { Disappeared.Count: 0 } => $"{comparison.Regressions.Count} of {comparison.Compared} metrics regressed beyond their tolerance:",
        _ => $"{comparison.Regressions.Count} of {comparison.Compared} metrics regressed beyond their tolerance and {comparison.Disappeared.Count} baselined metrics disappeared (the run should have recorded them):",
    };

    static void AppendMarkdownTable(StringBuilder md, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        md.Append("| ").AppendJoin(" | ", headers.Select(Cell)).AppendLine(" |");
        md.Append('|').AppendJoin('|', headers.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
        }
    }

    static void AppendHtmlTable(StringBuilder html, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        html.Append("<table><thead><tr>").AppendJoin("", headers.Select(h => $"<th>{E(h)}</th>")).Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{E(c)}</td>")).Append("</tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    static string E(string text) => WebUtility.HtmlEncode(text);
}
