using Nvf.Core.History;
using Nvf.Gherkin.Running;
using GherkinDirection = Nvf.Gherkin.Running.MetricDirection;
using GherkinKind = Nvf.Gherkin.Running.MetricKind;

namespace Nvf.Gate;

/// <summary>Turns the metrics steps recorded with the Gherkin runner into run-history metrics (the one place the two meet).</summary>
public static class RecordedMetrics
{
    /// <summary>The history's form of <paramref name="metric"/>, recorded by <paramref name="result"/>'s scenario.</summary>
    /// <param name="result">The scenario that recorded it.</param>
    /// <param name="metric">The metric.</param>
    public static RecordedMetric From(ScenarioResult result, Metric metric)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metric);
        var direction = metric.Direction == GherkinDirection.HigherIsBetter ? Core.History.MetricDirection.HigherIsBetter : Core.History.MetricDirection.LowerIsBetter;
        Core.History.MetricKind? kind = metric.Kind switch
        {
            GherkinKind.Criterion => Core.History.MetricKind.Criterion,
            GherkinKind.Diagnostic => Core.History.MetricKind.Diagnostic,
            GherkinKind.Timing => Core.History.MetricKind.Timing,
            GherkinKind.Count => Core.History.MetricKind.Count,
            _ => null,
        };
        return new RecordedMetric(metric.Name, metric.Value, direction, metric.Unit, metric.Low, metric.High, result.Scenario.DisplayName, kind, metric.Bound);
    }

    /// <summary>Every metric of <paramref name="metrics"/> in the history's form, in order.</summary>
    /// <param name="metrics">Metrics with the scenario that recorded each.</param>
    public static IReadOnlyList<RecordedMetric> From(IEnumerable<(ScenarioResult Result, Metric Metric)> metrics) =>
        metrics.Select(m => From(m.Result, m.Metric)).ToList();
}
