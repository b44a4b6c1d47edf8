namespace Nvf.Qdrant.Servers;

/// <summary>
/// Everything <see cref="QdrantServerLocator"/> asks of the machine, behind one seam so the
/// discovery order and its reasons can be unit-tested without Docker or a qdrant binary.
/// </summary>
public interface IQdrantHostProbe
{
    /// <summary>The variable's value, or null when unset or empty.</summary>
    string? GetEnvironmentVariable(string name);

    /// <summary>Full path of an executable file called <paramref name="name"/> on PATH, or null.</summary>
    string? FindExecutable(string name);

    /// <summary>Runs a command to completion (killed after <paramref name="timeout"/>).</summary>
    Task<ProcessOutcome> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Starts a long-running process with extra environment variables in <paramref name="workingDirectory"/>.</summary>
    IStartedProcess Start(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory);

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    int FindFreeLoopbackPort();

    /// <summary>One GET /readyz: null when ready, else why not.</summary>
    Task<string?> ProbeReadyAsync(Uri baseAddress, string? apiKey, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>A monotonic clock reading (any origin), used for the readiness deadline.</summary>
    TimeSpan MonotonicNow { get; }

    /// <summary>Waits between readiness probes.</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Creates a fresh empty directory for a server's storage and returns its path.</summary>
    string CreateTemporaryDirectory();

    /// <summary>Deletes a directory made by <see cref="CreateTemporaryDirectory"/> and everything in it.</summary>
    void DeleteDirectory(string path);
}
