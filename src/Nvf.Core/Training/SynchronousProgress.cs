namespace Nvf.Core.Training;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread, in order: <see cref="Progress{T}"/> posts each report
/// to the thread pool, so lines can arrive late or out of order, after the work they describe has finished.
/// </summary>
/// <param name="report">What to do with each report.</param>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => report(value);
}
