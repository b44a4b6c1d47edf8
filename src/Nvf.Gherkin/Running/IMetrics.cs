namespace Nvf.Gherkin.Running;

/// <summary>
/// Lets a step record named metrics and report live progress. Inject <see cref="ScenarioEvidence"/>
/// (which implements this) through the step class's constructor.
/// </summary>
public interface IMetrics
{
    /// <summary>Records a metric with the running scenario.</summary>
    /// <param name="metric">The metric; its name must be non-blank and its value and interval finite.</param>
    void RecordMetric(Metric metric);

    /// <summary>Tells whoever watches the run what the step is doing (e.g. "epoch 12/50 loss 0.83"); nothing is recorded.</summary>
    /// <param name="message">One short line.</param>
    void ReportProgress(string message);
}
