namespace Nvf.Qdrant.Servers;

/// <summary>
/// Finds a Qdrant server for tests and gates, in this order: the server named by NVF_QDRANT_URL
/// (with NVF_QDRANT_API_KEY); a container of the pinned image when a Docker engine answers
/// <c>docker info</c>; a <c>qdrant</c> executable on PATH. Every candidate must answer /readyz.
/// When NVF_QDRANT_URL is set but not ready the search stops there: the user asked for that
/// server, and testing a different one instead would hide the problem.
/// </summary>
public sealed class QdrantServerLocator
{
    private readonly IQdrantHostProbe _host;
    private readonly QdrantServerOptions _options;

    /// <summary>Creates a locator over the real machine (<see cref="SystemQdrantHostProbe"/>) or a given probe.</summary>
    public QdrantServerLocator(IQdrantHostProbe? host = null, QdrantServerOptions? options = null)
    {
        _host = host ?? new SystemQdrantHostProbe();
        _options = options ?? new QdrantServerOptions();
    }

    /// <summary>Looks for a server; the caller disposes the returned server when done.</summary>
    public async Task<QdrantServerDiscovery> FindAsync(CancellationToken cancellationToken = default)
    {
        var reasons = new List<string>();
        string? url = _host.GetEnvironmentVariable(_options.UrlVariable);
        if (url is not null)
            return await FromUrlAsync(url, cancellationToken).ConfigureAwait(false);
        reasons.Add($"{_options.UrlVariable} is not set");

        var (docker, dockerReason) = await FromDockerAsync(cancellationToken).ConfigureAwait(false);
        if (docker is not null)
            return new QdrantServerDiscovery(docker, reasons);
        reasons.Add(dockerReason!);

        var (binary, binaryReason) = await FromBinaryAsync(cancellationToken).ConfigureAwait(false);
        if (binary is not null)
            return new QdrantServerDiscovery(binary, reasons);
        reasons.Add(binaryReason!);
        return new QdrantServerDiscovery(null, reasons);
    }

    private async Task<QdrantServerDiscovery> FromUrlAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            return new QdrantServerDiscovery(null, [$"{_options.UrlVariable}='{url}' is not an absolute http(s) address"]);
        string? apiKey = _host.GetEnvironmentVariable(_options.ApiKeyVariable);
        string? notReady = await WaitReadyAsync(address, apiKey, null, cancellationToken).ConfigureAwait(false);
        if (notReady is not null)
            return new QdrantServerDiscovery(null, [$"{_options.UrlVariable}={address} is set but not ready: {notReady}"]);
        var server = new QdrantServer(address, apiKey, QdrantServerSource.EnvironmentUrl, $"{_options.UrlVariable}={address}", () => ValueTask.CompletedTask);
        return new QdrantServerDiscovery(server, []);
    }

    private async Task<(QdrantServer?, string?)> FromDockerAsync(CancellationToken cancellationToken)
    {
        var (docker, engineReason) = await DockerEngineAsync(cancellationToken).ConfigureAwait(false);
        if (docker is null)
            return (null, engineReason);

        int port = _host.FindFreeLoopbackPort();
        var run = await _host.RunAsync(docker,
            ["run", "-d", "--rm", "-p", $"127.0.0.1:{port}:6333", "-e", "QDRANT__TELEMETRY_DISABLED=true", _options.DockerImage],
            _options.DockerRunTimeout, cancellationToken).ConfigureAwait(false);
        string container = run.StandardOutput.Trim();
        if (run.TimedOut || run.ExitCode != 0 || container.Length == 0)
        {
            string why = run.TimedOut ? $"did not finish within {_options.DockerRunTimeout.TotalSeconds:0} s" : $"failed (exit {run.ExitCode}): {run.FirstLine()}";
            return (null, $"docker: `docker run {_options.DockerImage}` {why}");
        }
        async ValueTask Remove() => await _host.RunAsync(docker, ["rm", "-f", container], _options.DockerInfoTimeout, CancellationToken.None).ConfigureAwait(false);
        var address = new Uri($"http://127.0.0.1:{port}/");
        string? notReady = await WaitReadyAsync(address, null, null, cancellationToken).ConfigureAwait(false);
        if (notReady is not null)
        {
            await Remove().ConfigureAwait(false);
            return (null, $"docker: container {Short(container)} of {_options.DockerImage} was not ready: {notReady}");
        }
        return (new QdrantServer(address, null, QdrantServerSource.Docker,
            $"docker {_options.DockerImage} container {Short(container)} on 127.0.0.1:{port}", Remove), null);
    }

    /// <summary>
    /// Checks, without starting anything, whether any source could give a server: null when one
    /// might (a URL is set, a Docker engine answers, or a qdrant executable is on PATH), else the
    /// reasons <see cref="FindAsync"/> would give. Cheap enough to decide at test discovery.
    /// </summary>
    public async Task<string?> QuickSkipReasonAsync(CancellationToken cancellationToken = default)
    {
        if (_host.GetEnvironmentVariable(_options.UrlVariable) is not null)
            return null;
        var (docker, engineReason) = await DockerEngineAsync(cancellationToken).ConfigureAwait(false);
        if (docker is not null)
            return null;
        if (_host.FindExecutable("qdrant") is not null)
            return null;
        return new QdrantServerDiscovery(null, [$"{_options.UrlVariable} is not set", engineReason!, NoBinary]).SkipReason;
    }

    private const string NoBinary = "qdrant binary: no qdrant executable on PATH";

    /// <summary>The docker CLI's path when <c>docker info</c> succeeds, else why not.</summary>
    private async Task<(string?, string?)> DockerEngineAsync(CancellationToken cancellationToken)
    {
        string? docker = _host.FindExecutable("docker");
        if (docker is null)
            return (null, "docker: no docker executable on PATH");
        var info = await _host.RunAsync(docker, ["info"], _options.DockerInfoTimeout, cancellationToken).ConfigureAwait(false);
        if (info.TimedOut)
            return (null, $"docker: `docker info` did not finish within {_options.DockerInfoTimeout.TotalSeconds:0} s");
        if (info.ExitCode != 0)
            return (null, $"docker: `docker info` failed (exit {info.ExitCode}): {info.FirstLine()}");
        return (docker, null);
    }

    private async Task<(QdrantServer?, string?)> FromBinaryAsync(CancellationToken cancellationToken)
    {
        string? qdrant = _host.FindExecutable("qdrant");
        if (qdrant is null)
            return (null, NoBinary);
        string directory = _host.CreateTemporaryDirectory();
        int httpPort = _host.FindFreeLoopbackPort();
        int grpcPort = _host.FindFreeLoopbackPort();
        // Qdrant reads QDRANT__SECTION__KEY variables over its config file: loopback only, fresh storage.
        var environment = new Dictionary<string, string>
        {
            ["QDRANT__SERVICE__HOST"] = "127.0.0.1",
            ["QDRANT__SERVICE__HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["QDRANT__SERVICE__GRPC_PORT"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["QDRANT__STORAGE__STORAGE_PATH"] = Path.Combine(directory, "storage"),
            ["QDRANT__STORAGE__SNAPSHOTS_PATH"] = Path.Combine(directory, "snapshots"),
            ["QDRANT__TELEMETRY_DISABLED"] = "true",
        };
        IStartedProcess process;
        try
        {
            process = _host.Start(qdrant, [], environment, directory);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            _host.DeleteDirectory(directory);
            return (null, $"qdrant binary: {qdrant} could not be started: {e.Message}");
        }
        async ValueTask Stop()
        {
            await process.DisposeAsync().ConfigureAwait(false);
            _host.DeleteDirectory(directory);
        }
        var address = new Uri($"http://127.0.0.1:{httpPort}/");
        string? notReady = await WaitReadyAsync(address, null, process, cancellationToken).ConfigureAwait(false);
        if (notReady is not null)
        {
            await Stop().ConfigureAwait(false);
            return (null, $"qdrant binary: {qdrant} was not ready: {notReady}");
        }
        return (new QdrantServer(address, null, QdrantServerSource.Binary, $"{qdrant} (pid {process.Id}) on 127.0.0.1:{httpPort}, storage in {directory}", Stop), null);
    }

    /// <summary>Probes /readyz until it answers or the ready timeout passes; null when ready, else the last reason.</summary>
    private async Task<string?> WaitReadyAsync(Uri address, string? apiKey, IStartedProcess? process, CancellationToken cancellationToken)
    {
        TimeSpan deadline = _host.MonotonicNow + _options.ReadyTimeout;
        int probes = 0;
        string? last;
        do
        {
            if (process is { HasExited: true })
                return $"process exited with code {process.ExitCode} before /readyz answered; last output: {process.RecentOutput}";
            last = await _host.ProbeReadyAsync(address, apiKey, _options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
            probes++;
            if (last is null)
                return null;
            await _host.DelayAsync(_options.ReadyPollInterval, cancellationToken).ConfigureAwait(false);
        }
        while (_host.MonotonicNow < deadline);
        return $"no ready answer within {_options.ReadyTimeout.TotalSeconds:0} s ({probes} probes); last: {last}";
    }

    private static string Short(string container) => container.Length > 12 ? container[..12] : container;
}
