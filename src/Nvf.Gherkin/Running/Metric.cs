namespace Nvf.Gherkin.Running;

/// <summary>
/// A named number a step measured, recorded with the scenario (e.g. "nvf.pipeline.top1" = 0.931,
/// higher is better, interval [0.924, 0.938]). The reports list it; tools keep it in a run history.
/// </summary>
/// <param name="Name">A stable name, unique within the run (e.g. "area.thing.measure").</param>
/// <param name="Value">The value, finite, in <see cref="Unit"/>.</param>
/// <param name="Direction">Which way it improves.</param>
public sealed record Metric(string Name, double Value, MetricDirection Direction)
{
    /// <summary>Unit of <see cref="Value"/> ("" for a plain number or a fraction in [0, 1]).</summary>
    public string Unit { get; init; } = "";

    /// <summary>Lower end of the value's 95% interval, or null when none was measured.</summary>
    public double? Low { get; init; }

    /// <summary>Upper end of the value's 95% interval, or null when none was measured.</summary>
    public double? High { get; init; }

    /// <summary>What the metric is for, or null to let the history infer it (an interval: criterion; a time unit: timing; else a plain number compared by its tolerance).</summary>
    public MetricKind? Kind { get; init; }

    /// <summary>
    /// For a diagnostic: the value it must stay strictly beyond, on its good side (a gradient norm "&gt; 0" is
    /// Bound 0 with higher better), or null when it only tracks.
    /// </summary>
    public double? Bound { get; init; }
}
