using Nvf.Core.Metrics;
using Nvf.Gherkin.Running;
using CoreDirection = Nvf.Core.History.MetricDirection;
using CoreKind = Nvf.Core.History.MetricKind;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// The one way the steps record a figure: its name must belong to a family of the metric catalogue
/// (<see cref="MetricCatalog"/>) with the family's kind, direction and unit, and (as for every metric) be recorded once
/// per run. A refused figure fails its step with the catalogue's reason.
/// </summary>
public static class CataloguedMetrics
{
    /// <summary>Records <paramref name="metric"/> after checking it against the catalogue.</summary>
    public static void RecordCatalogued(this IMetrics metrics, Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(metric);
        var kind = metric.Kind switch
        {
            MetricKind.Criterion => CoreKind.Criterion,
            MetricKind.Diagnostic => CoreKind.Diagnostic,
            MetricKind.Timing => CoreKind.Timing,
            MetricKind.Count => CoreKind.Count,
            _ => CoreKind.Plain,
        };
        var direction = metric.Direction == MetricDirection.HigherIsBetter ? CoreDirection.HigherIsBetter : CoreDirection.LowerIsBetter;
        if (MetricCatalog.Refusal(metric.Name, kind, direction, metric.Unit) is { } refusal)
            throw new InvalidOperationException(refusal);
        metrics.RecordMetric(metric);
    }
    /// <summary>A figure a Core result emitted (<see cref="Figure"/>), as the metric "<paramref name="prefix"/>.name" with its interval, kind, direction and unit.</summary>
    public static Metric ToMetric(this Figure figure, string prefix)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var kind = figure.Kind switch
        {
            CoreKind.Criterion => MetricKind.Criterion,
            CoreKind.Timing => MetricKind.Timing,
            CoreKind.Count => MetricKind.Count,
            _ => MetricKind.Diagnostic,
        };
        var direction = figure.Direction == CoreDirection.HigherIsBetter ? MetricDirection.HigherIsBetter : MetricDirection.LowerIsBetter;
        return new Metric($"{prefix}.{figure.Name}", figure.Value, direction) { Low = figure.Low, High = figure.High, Kind = kind, Unit = figure.Unit };
    }
}
