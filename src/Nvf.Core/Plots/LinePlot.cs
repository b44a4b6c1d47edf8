using System.Globalization;
using System.Net;
using System.Text;

namespace Nvf.Core.Plots;

/// <summary>
/// A small line plot written as a self-contained inline SVG (no scripts, fonts or external assets),
/// for the HTML acceptance report. Panels stack vertically in one document; each has its own axes.
/// </summary>
public sealed class LinePlot
{
    private const double Left = 60, Top = 28, Bottom = 40;
    private double Width { get; }
    private double PanelHeight { get; }
    private double Right { get; }
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
    private readonly List<(string Title, string XLabel, string YLabel, IReadOnlyList<PlotSeries> Series)> panels = [];

    /// <summary>A plot of 560 x 200 px panels with a 150 px legend column (the size the reports' attachments use).</summary>
    public LinePlot()
        : this(560, 200, 150)
    {
    }

    /// <summary>A plot of <paramref name="width"/> x <paramref name="panelHeight"/> px panels with a <paramref name="legendWidth"/> px legend column.</summary>
    /// <param name="width">Width of the document in px (at least 200 more than the legend).</param>
    /// <param name="panelHeight">Height of each panel in px (>= 120).</param>
    /// <param name="legendWidth">Width of the legend column at the right in px (>= 20).</param>
    public LinePlot(double width, double panelHeight, double legendWidth)
    {
        if (!(legendWidth >= 20) || !(width >= legendWidth + 200) || !(panelHeight >= 120))
        {
            throw new ArgumentOutOfRangeException(nameof(width), FormattableString.Invariant($"a {width} x {panelHeight} px plot with a {legendWidth} px legend is too small; expected legend >= 20, width >= legend + 200, height >= 120"));
        }

        Width = width;
        PanelHeight = panelHeight;
        Right = legendWidth;
    }

    /// <summary>Adds a panel with axes labelled <paramref name="xLabel"/> and <paramref name="yLabel"/>; returns this.</summary>
    public LinePlot AddPanel(string title, string xLabel, string yLabel, IReadOnlyList<PlotSeries> series)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(series);
        if (!series.Any(s => s.Points.Any(p => double.IsFinite(p.X) && double.IsFinite(p.Y))))
        {
            throw new ArgumentException($"panel '{title}' has no finite point; expected at least one", nameof(series));
        }

        panels.Add((title, xLabel ?? "", yLabel ?? "", series));
        return this;
    }

    /// <summary>The SVG document (starts with &lt;svg), as wide as the plot and one panel height per panel.</summary>
    public string ToSvg()
    {
        if (panels.Count == 0)
        {
            throw new InvalidOperationException("the plot has no panel; add one with AddPanel first");
        }

        var height = PanelHeight * panels.Count;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>"));
        for (var i = 0; i < panels.Count; i++)
        {
            DrawPanel(svg, i * PanelHeight, panels[i]);
        }

        return svg.Append("</svg>").ToString();
    }

    private void DrawPanel(StringBuilder svg, double offset, (string Title, string XLabel, string YLabel, IReadOnlyList<PlotSeries> Series) panel)
    {
        var points = panel.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var (xMin, xMax) = Range(points.Select(p => p.X));
        var (yMin, yMax) = Range(points.Select(p => p.Y));
        double plotW = Width - Left - Right, plotH = PanelHeight - Top - Bottom;
        double X(double x) => Left + ((x - xMin) / (xMax - xMin) * plotW);
        double Y(double y) => offset + Top + plotH - ((y - yMin) / (yMax - yMin) * plotH);

        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{offset + 16}\" font-weight=\"bold\">{Escape(panel.Title)}</text>"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{offset + Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#888\"/>"));
        for (var t = 0; t <= 4; t++)
        {
            var yv = yMin + ((yMax - yMin) * t / 4);
            var xv = xMin + ((xMax - xMin) * t / 4);
            svg.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{Y(yv) + 4:F1}\" text-anchor=\"end\">{Tick(yv)}</text>"));
            svg.Append(Invariant($"<text x=\"{X(xv):F1}\" y=\"{offset + Top + plotH + 14}\" text-anchor=\"middle\">{Tick(xv)}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{Left + (plotW / 2)}\" y=\"{offset + PanelHeight - 6}\" text-anchor=\"middle\">{Escape(panel.XLabel)}</text>"));
        svg.Append(Invariant($"<text x=\"12\" y=\"{offset + Top + (plotH / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {offset + Top + (plotH / 2)})\">{Escape(panel.YLabel)}</text>"));
        for (var s = 0; s < panel.Series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            var line = string.Join(" ", panel.Series[s].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p => Invariant($"{X(p.X):F1},{Y(p.Y):F1}")));
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{line}\"/>"));
            var legendY = offset + Top + 10 + (s * 16);
            svg.Append(Invariant($"<line x1=\"{Width - Right + 10}\" y1=\"{legendY - 4}\" x2=\"{Width - Right + 28}\" y2=\"{legendY - 4}\" stroke=\"{colour}\" stroke-width=\"2\"/>"));
            svg.Append(Invariant($"<text x=\"{Width - Right + 32}\" y=\"{legendY}\">{Escape(panel.Series[s].Name)}</text>"));
        }
    }

    // A flat range (one point, or a constant series) is widened so the line sits mid-panel.
    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        double min = list.Min(), max = list.Max();
        return max > min ? (min, max) : (min - 0.5, max + 0.5);
    }

    private static string Tick(double v) => Math.Abs(v) >= 100 ? v.ToString("F0", CultureInfo.InvariantCulture) : v.ToString("G3", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
