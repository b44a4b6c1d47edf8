namespace Nvf.Gherkin.Running;

/// <summary>Which way a metric improves; baselines and trend plots read it.</summary>
public enum MetricDirection
{
    /// <summary>Larger values are better (accuracy, recall).</summary>
    HigherIsBetter,

    /// <summary>Smaller values are better (loss, error, latency).</summary>
    LowerIsBetter,
}
