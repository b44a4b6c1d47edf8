namespace Nvf.Core.History;

/// <summary>The kind of a metric recorded without one (runs and baselines older than <see cref="MetricKind"/>).</summary>
public static class Kinds
{
    /// <summary>Units that make a metric a timing.</summary>
    public static IReadOnlySet<string> TimeUnits { get; } = new HashSet<string>(StringComparer.Ordinal) { "s", "ms", "min", "seconds" };

    /// <summary><paramref name="kind"/> when given; else a timing for a time unit, a criterion for a 95% interval, a plain number otherwise.</summary>
    /// <param name="kind">The recorded kind, or null.</param>
    /// <param name="unit">The metric's unit.</param>
    /// <param name="low">Lower end of its interval, or null.</param>
    /// <param name="high">Upper end of its interval, or null.</param>
    public static MetricKind Infer(MetricKind? kind, string unit, double? low, double? high) =>
        kind ?? (TimeUnits.Contains(unit) ? MetricKind.Timing : low is not null && high is not null ? MetricKind.Criterion : MetricKind.Plain);
}
