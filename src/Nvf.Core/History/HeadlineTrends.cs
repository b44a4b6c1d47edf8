using System.Globalization;
using System.Net;
using System.Text;
using Nvf.Core.Answers;
using Nvf.Core.Baselines;
using Nvf.Core.Plots;

namespace Nvf.Core.History;

/// <summary>
/// The research notes' headline metrics (<see cref="ResearchQuestion.Metrics"/>) over the last runs, from the run folders alone:
/// one plot per metric with its 95% interval and the accepted baseline, and the runs where it moved by more than its tolerance.
/// </summary>
public static class HeadlineTrends
{
    /// <summary>One headline metric across runs.</summary>
    /// <param name="Question">The question it answers.</param>
    /// <param name="Metric">Its name.</param>
    /// <param name="Points">Its value in each run that recorded it (run number from 1, oldest first).</param>
    /// <param name="Baseline">The accepted baseline's entry, or null.</param>
    /// <param name="Moves">Each step between consecutive runs larger than the tolerance, as a sentence naming both runs.</param>
    public sealed record Trend(ResearchQuestion Question, string Metric, IReadOnlyList<(int Run, RunRecord Record, RecordedMetric Value)> Points, BaselineMetric? Baseline, IReadOnlyList<string> Moves);

    /// <summary>The trend of every headline metric some run recorded, in question order.</summary>
    /// <param name="runs">Runs, oldest first.</param>
    /// <param name="baseline">The accepted baseline, or null.</param>
    public static IReadOnlyList<Trend> Of(IReadOnlyList<RunRecord> runs, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var trends = new List<Trend>();
        foreach (var question in ResearchQuestions.All)
        {
            foreach (var name in question.Metrics.Concat(question.ResearcherMetrics))
            {
                var points = runs.Select((r, i) => (Run: i + 1, Record: r, Value: r.Metric(name))).Where(p => p.Value is not null).Select(p => (p.Run, p.Record, p.Value!)).ToList();
                if (points.Count == 0)
                {
                    continue;
                }

                var accepted = baseline?.Metrics.GetValueOrDefault(name);
                trends.Add(new Trend(question, name, points, accepted, Moves(points, accepted)));
            }
        }

        return trends;
    }

    /// <summary>A standalone HTML page (no script, no external asset): the runs shown, the trends, and the run folders left out with why.</summary>
    /// <param name="runs">Runs, oldest first.</param>
    /// <param name="baseline">The accepted baseline, or null.</param>
    /// <param name="problems">Run folders that could not be used, each naming its file.</param>
    public static string HtmlPage(IReadOnlyList<RunRecord> runs, Baseline? baseline, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(problems);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>nvf history: headline metrics</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}")
            .Append(".grid{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;border:1px solid #ddd;padding:6px}figcaption{font-size:12px;max-width:420px}.moved{color:#b00020}</style></head><body>");
        html.Append("<h1>Headline metrics over the last ").Append(runs.Count).Append(" runs</h1>");
        html.Append("<p>One plot per metric behind an answer of the research notes: its value per run (x = run number, oldest first) with its 95% interval when measured, ")
            .Append(baseline is null ? "no accepted baseline" : $"and the accepted baseline of run {E(baseline.AcceptedRunId)} as a flat line")
            .Append(". Runs where a metric moved by more than its tolerance are named under its plot.</p>");
        html.Append("<table><thead><tr><th>#</th><th>Run</th><th>Verdict</th><th>Scope</th><th>Commit</th></tr></thead><tbody>");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td><td>{E(r.RunId)}</td><td>{(r.Passed ? "passed" : "failed")}</td><td>{E(r.Full ? "full" : r.Tags ?? "filtered")}</td><td>{E(Short(r.Provenance.Git.Commit))}</td></tr>");
        }

        html.Append("</tbody></table>");
        if (problems.Count > 0)
        {
            html.Append("<h2>Run folders left out</h2><ul>");
            foreach (var p in problems)
            {
                html.Append("<li>").Append(E(p)).Append("</li>");
            }

            html.Append("</ul>");
        }

        var trends = Of(runs, baseline);
        html.Append("<h2>Trends</h2>");
        if (trends.Count == 0)
        {
            html.Append("<p>No headline metric was recorded by these runs (run the whole gate: `nvf gate`).</p>");
        }

        html.Append("<div class=\"grid\">");
        foreach (var t in trends)
        {
            html.Append("<figure data-metric=\"").Append(E(t.Metric)).Append("\">").Append(Plot(t, runs.Count)).Append("<figcaption><b>").Append(E(t.Question.Text)).Append("</b><br>")
                .Append(E(t.Metric)).Append(": last ").Append(E(Format(t.Points[^1].Value))).Append(t.Baseline is null ? "" : $"; baseline {E(Format(t.Baseline.Expected))} ({E(t.Baseline.Tolerance.Describe())})");
            foreach (var move in t.Moves)
            {
                html.Append("<br><span class=\"moved\">").Append(E(move)).Append("</span>");
            }

            html.Append("</figcaption></figure>");
        }

        return html.Append("</div></body></html>\n").ToString();
    }

    // Consecutive recorded runs whose values differ by more than the baseline's allowed move; without a baseline entry, by
    // more than both runs' intervals allow (the intervals do not overlap); without either, no move is judged.
    static IReadOnlyList<string> Moves(IReadOnlyList<(int Run, RunRecord Record, RecordedMetric Value)> points, BaselineMetric? accepted)
    {
        var moves = new List<string>();
        for (var i = 1; i < points.Count; i++)
        {
            var (before, after) = (points[i - 1], points[i]);
            var step = after.Value.Value - before.Value.Value;
            double? allowed = accepted is not null ? accepted.Tolerance.AllowedFor(accepted) : null;
            var moved = allowed is { } a
                ? Math.Abs(step) > a + 1e-12
                : before.Value.Low is { } bl && before.Value.High is { } bh && after.Value.Low is { } al && after.Value.High is { } ah && (al > bh || ah < bl);
            if (moved)
            {
                moves.Add(string.Create(CultureInfo.InvariantCulture,
                    $"run {before.Run} → {after.Run} ({before.Record.RunId} → {after.Record.RunId}): {Format(before.Value)} → {Format(after.Value)} ({step:+0.####;-0.####}{(allowed is { } x ? $", tolerance {x:0.####}" : ", intervals apart")})"));
            }
        }

        return moves;
    }

    static string Plot(Trend trend, int runCount) =>
        MetricTrends.Panel(trend.Metric, trend.Points.Select(p => ((double)p.Run, p.Value)).ToList(), trend.Baseline?.Expected, runCount);

    static string Format(RecordedMetric m) => Format(m.Value) + (m.Low is { } l && m.High is { } h ? string.Create(CultureInfo.InvariantCulture, $" [{l:G4}, {h:G4}]") : "");

    static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    static string Short(string commit) => commit.Length > 8 ? commit[..8] : commit;

    static string E(string text) => WebUtility.HtmlEncode(text);
}
