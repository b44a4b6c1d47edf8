using Nvf.Core.Training;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>Forwards a training loop's progress to the running scenario's live progress (the CLI shows it).</summary>
public static class ProgressExtensions
{
    /// <summary>An <see cref="IProgress{T}"/> that reports each epoch synchronously through <paramref name="metrics"/>.</summary>
    public static IProgress<TrainingProgress> TrainingProgress(this IMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new SynchronousProgress<TrainingProgress>(p => metrics.ReportProgress(p.ToString()));
    }

    /// <summary>An <see cref="IProgress{T}"/> of status lines (index building, data generation, searches) reported synchronously through <paramref name="metrics"/>.</summary>
    public static IProgress<string> StatusProgress(this IMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new SynchronousProgress<string>(metrics.ReportProgress);
    }
}
