namespace Nvf.Gherkin.Running;

/// <summary>What a metric is for; run histories and baselines decide from it how to compare the metric between runs.</summary>
public enum MetricKind
{
    /// <summary>A success criterion estimated from a sample, with its 95% interval.</summary>
    Criterion,

    /// <summary>A diagnostic, meaningful only against its <see cref="Metric.Bound"/> (e.g. a gradient norm above 0).</summary>
    Diagnostic,

    /// <summary>A time, comparable only between runs on the same machine.</summary>
    Timing,

    /// <summary>An exact tally.</summary>
    Count,
}
