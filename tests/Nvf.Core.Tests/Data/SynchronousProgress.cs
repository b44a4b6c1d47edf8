namespace Nvf.Core.Tests.Data;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
