namespace Nvf.Qdrant.Servers;

/// <summary>
/// A reachable, ready Qdrant server. Disposing it stops what the locator started (removes the
/// container, or stops the process and deletes its temporary storage); a server named by
/// NVF_QDRANT_URL is left running.
/// </summary>
public sealed class QdrantServer : IAsyncDisposable
{
    private readonly Func<ValueTask> _stop;
    private int _stopped;

    internal QdrantServer(Uri baseAddress, string? apiKey, QdrantServerSource source, string description, Func<ValueTask> stop)
    {
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        Source = source;
        Description = description;
        _stop = stop;
    }

    /// <summary>The REST address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The api key to send, or null.</summary>
    public string? ApiKey { get; }

    /// <summary>Which discovery step produced the server.</summary>
    public QdrantServerSource Source { get; }

    /// <summary>One line for reports, e.g. "docker qdrant/qdrant:v1.19.0 container 3f2a... on 127.0.0.1:41234".</summary>
    public string Description { get; }

    /// <summary>Client options for this server (address and api key; other settings default).</summary>
    public QdrantClientOptions ClientOptions() => new(BaseAddress) { ApiKey = ApiKey };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
            await _stop().ConfigureAwait(false);
    }
}
