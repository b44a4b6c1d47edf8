using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nvf.Qdrant.Servers;

/// <summary>The real machine: environment, PATH, child processes, loopback ports and HTTP.</summary>
public sealed class SystemQdrantHostProbe : IQdrantHostProbe
{
    private static readonly long Origin = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public TimeSpan MonotonicNow => Stopwatch.GetElapsedTime(Origin);

    /// <inheritdoc />
    public string? GetEnvironmentVariable(string name)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <inheritdoc />
    public string? FindExecutable(string name)
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && IsExecutable(candidate))
                return candidate;
        }
        return null;
    }

    /// <inheritdoc />
    public async Task<ProcessOutcome> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(file, arguments, new Dictionary<string, string>(), null) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessOutcome(timedOut ? -1 : process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), timedOut);
    }

    /// <inheritdoc />
    public IStartedProcess Start(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory) =>
        new SystemStartedProcess(StartInfo(file, arguments, environment, workingDirectory));

    /// <inheritdoc />
    public int FindFreeLoopbackPort()
    {
        // Port 0 makes the kernel pick a free port; it can be taken again before the server binds, which /readyz would reveal.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <inheritdoc />
    public async Task<string?> ProbeReadyAsync(Uri baseAddress, string? apiKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new QdrantClient(new QdrantClientOptions(baseAddress) { ApiKey = apiKey, MaxRetries = 0, RequestTimeout = timeout });
        return await client.ProbeReadyAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);

    /// <inheritdoc />
    public string CreateTemporaryDirectory() => Directory.CreateTempSubdirectory("nvf-qdrant-").FullName;

    /// <inheritdoc />
    public void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }

    internal static ProcessStartInfo StartInfo(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return info;
    }

    private static bool IsExecutable(string file)
    {
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
