using System.Globalization;
using Nvf.Core.Plots;

namespace Nvf.Core.History;

/// <summary>
/// Metrics across the history: a side-by-side table of the last runs and inline SVG trend plots (one panel per
/// metric, x = run number, oldest first), for `nvf history` and the HTML report.
/// </summary>
public static class MetricTrends
{
    /// <summary>Names of the metrics that appear in <paramref name="runs"/>, in first-seen order.</summary>
    /// <param name="runs">Runs, oldest first.</param>
    public static IReadOnlyList<string> MetricNames(IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.SelectMany(r => r.Metrics.Select(m => m.Name)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A table with one row per metric and one column per run (headers: "metric", then each run id); a cell is the
    /// value to four significant digits, or "" when the run did not record the metric.
    /// </summary>
    /// <param name="runs">Runs, oldest first.</param>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) SideBySide(IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var headers = new List<string> { "metric" };
        headers.AddRange(runs.Select(r => r.RunId));
        var rows = MetricNames(runs)
            .Select(name => (IReadOnlyList<string>)[name, .. runs.Select(r => r.Metric(name) is { } m ? Format(m.Value) : "")])
            .ToList();
        return (headers, rows);
    }

    /// <summary>
    /// An SVG document with one panel per metric recorded by at least <paramref name="minimumRuns"/> of
    /// <paramref name="runs"/> (at most <paramref name="maximumPanels"/>, in first-seen order), or null when none is.
    /// </summary>
    /// <param name="runs">Runs, oldest first.</param>
    /// <param name="minimumRuns">How many runs must have recorded a metric for it to get a panel (>= 1).</param>
    /// <param name="maximumPanels">Most panels to draw (>= 1).</param>
    public static string? RenderSvg(IReadOnlyList<RunRecord> runs, int minimumRuns, int maximumPanels)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumRuns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumPanels, 1);
        var plot = new LinePlot();
        var panels = 0;
        foreach (var name in MetricNames(runs))
        {
            var points = runs.Select((r, i) => (X: (double)(i + 1), Metric: r.Metric(name)))
                .Where(p => p.Metric is not null)
                .ToList();
            if (points.Count < minimumRuns || panels == maximumPanels)
            {
                continue;
            }

            var (title, unit, series) = PanelOf(name, points.Select(p => (p.X, p.Metric!)).ToList(), null, 0);
            plot.AddPanel(title, "run", unit, series);
            panels++;
        }

        return panels == 0 ? null : plot.ToSvg();
    }

    /// <summary>
    /// One small SVG per metric recorded in <paramref name="runs"/> (first-seen order): its value per run (x = run
    /// number, oldest first) and its 95% interval when measured, titled with the metric and its better direction.
    /// </summary>
    /// <param name="runs">Runs, oldest first.</param>
    public static IReadOnlyList<(string Name, string Svg)> RenderPanels(IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var panels = new List<(string, string)>();
        foreach (var name in MetricNames(runs))
        {
            var points = runs.Select((r, i) => (X: (double)(i + 1), Metric: r.Metric(name))).Where(p => p.Metric is not null).ToList();
            panels.Add((name, Panel(name, points.Select(p => (p.X, p.Metric!)).ToList())));
        }

        return panels;
    }

    /// <summary>
    /// One metric's trend panel as its own SVG: its value per run (x = run number) with its 95% interval when measured, and
    /// an accepted <paramref name="baseline"/> as a flat line from run 1 to <paramref name="runCount"/> (at least 2) when given.
    /// </summary>
    public static string Panel(string name, IReadOnlyList<(double Run, RecordedMetric Metric)> points, double? baseline = null, int runCount = 0)
    {
        var (title, unit, series) = PanelOf(name, points, baseline, runCount);
        return new LinePlot(width: 420, panelHeight: 170, legendWidth: 80).AddPanel(title, "run", unit, series).ToSvg();
    }

    // The title, unit and series of one metric's trend panel (every trend plot draws its panels this way).
    static (string Title, string Unit, List<PlotSeries> Series) PanelOf(string name, IReadOnlyList<(double Run, RecordedMetric Metric)> points, double? baseline, int runCount)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
            throw new ArgumentException($"no recorded value of {name}; expected at least one run's", nameof(points));
        var last = points[^1].Metric;
        var series = new List<PlotSeries> { new("value", points.Select(p => (p.Run, p.Metric.Value)).ToList()) };
        if (points.Any(p => p.Metric.Low is not null))
        {
            series.Add(new PlotSeries("95% low", points.Select(p => (p.Run, p.Metric.Low ?? double.NaN)).ToList()));
            series.Add(new PlotSeries("95% high", points.Select(p => (p.Run, p.Metric.High ?? double.NaN)).ToList()));
        }

        if (baseline is { } expected)
            series.Add(new PlotSeries("baseline", [(1.0, expected), (Math.Max(2, runCount), expected)]));
        var better = last.Direction == MetricDirection.HigherIsBetter ? "higher is better" : "lower is better";
        return ($"{name} ({better})", last.Unit.Length == 0 ? "value" : last.Unit, series);
    }

    static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
