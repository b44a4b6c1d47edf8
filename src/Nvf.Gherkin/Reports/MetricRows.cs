using System.Globalization;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>How the HTML and Markdown reports show a recorded metric: one row of text cells.</summary>
internal static class MetricRows
{
    public static IReadOnlyList<string> Headers { get; } = ["Metric", "Value", "95% interval", "Better", "Scenario"];

    public static IReadOnlyList<string> Row(ScenarioResult result, Metric metric) =>
    [
        metric.Name,
        Number(metric.Value) + (metric.Unit.Length == 0 ? "" : " " + metric.Unit),
        metric.Low is { } low && metric.High is { } high ? $"[{Number(low)}, {Number(high)}]" : "",
        metric.Direction == MetricDirection.HigherIsBetter ? "higher" : "lower",
        result.Scenario.DisplayName,
    ];

    // Four significant digits: enough to see a regression, short enough for a table.
    static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
