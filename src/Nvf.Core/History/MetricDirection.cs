namespace Nvf.Core.History;

/// <summary>Which way a recorded metric improves; regression checks and trend plots read it.</summary>
public enum MetricDirection
{
    /// <summary>Larger values are better (accuracy, recall, GFLOPS).</summary>
    HigherIsBetter,

    /// <summary>Smaller values are better (loss, error, seconds).</summary>
    LowerIsBetter,
}
