using Nvf.Core.History;

namespace Nvf.Core.Metrics;

/// <summary>
/// A headline figure as a Core result emits it: its name relative to where the gate records it (the gate prefixes the
/// run, e.g. "infonce.attention.pure_infonce" + "." + "r_at_5"), its value, 95% interval, kind, direction and unit. The
/// result types define their figures' names once (<see cref="SeparationReport.Figures"/>,
/// <see cref="Retrieval.RetrievalReport.Figures"/>, <see cref="Decision.EpochMeasurement.Figures"/>); the full names are
/// in <see cref="MetricCatalog"/>.
/// </summary>
/// <param name="Name">The name below the recording prefix, e.g. "r_at_5".</param>
/// <param name="Value">The figure.</param>
/// <param name="Kind">How a baseline compares it.</param>
/// <param name="Direction">Which way is better.</param>
public sealed record Figure(string Name, double Value, MetricKind Kind, MetricDirection Direction)
{
    /// <summary>Lower end of the 95% interval (null when none).</summary>
    public double? Low { get; init; }

    /// <summary>Upper end of the 95% interval (null when none).</summary>
    public double? High { get; init; }

    /// <summary>Its unit ("" for a fraction or a plain number).</summary>
    public string Unit { get; init; } = "";

    /// <summary>A proportion criterion (higher is better) with its Wilson interval.</summary>
    public static Figure Proportion(string name, ProportionEstimate value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Figure(name, value.Estimate, MetricKind.Criterion, MetricDirection.HigherIsBetter) { Low = value.Lower, High = value.Upper };
    }

    /// <summary>A criterion (higher is better) with its 95% interval, or none when its standard error is unknown.</summary>
    public static Figure Criterion(string name, double value, (double Low, double High)? interval) =>
        new(name, value, MetricKind.Criterion, MetricDirection.HigherIsBetter) { Low = interval?.Low, High = interval?.High };

    /// <summary>A time in seconds (lower is better), tracked, never a criterion.</summary>
    public static Figure Seconds(string name, double seconds) =>
        new(name, seconds, MetricKind.Timing, MetricDirection.LowerIsBetter) { Unit = "s" };
}
