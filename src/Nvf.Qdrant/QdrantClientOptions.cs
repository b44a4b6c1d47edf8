namespace Nvf.Qdrant;

/// <summary>
/// Where a <see cref="QdrantClient"/> connects and how it behaves when the server is slow or failing.
/// </summary>
public sealed record QdrantClientOptions
{
    /// <summary>
    /// Qdrant's own default for <c>service.max_request_size_mb</c> (32, in config/config.yaml),
    /// in bytes: a request body larger than this is refused by the server with 413.
    /// </summary>
    public const int QdrantDefaultMaxRequestBytes = 32 * 1024 * 1024;

    /// <summary>Creates options for the REST endpoint at <paramref name="baseAddress"/> (e.g. http://127.0.0.1:6333).</summary>
    public QdrantClientOptions(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"expected an absolute http(s) address, got '{baseAddress}'", nameof(baseAddress));
        BaseAddress = baseAddress;
    }

    /// <summary>The REST endpoint, e.g. http://127.0.0.1:6333.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Sent as the <c>api-key</c> header on every request when not null.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Time allowed for one attempt (send and read the whole response). Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Extra attempts after a connection error, a timeout or a 5xx answer (never after a 4xx).
    /// Default 3, so at most 4 attempts per request.
    /// </summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Wait before the first retry; doubled before each further retry. Default 200 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of the wait between two attempts. Default 5 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Largest request body the client will send, in bytes (UTF-8 JSON). Upserts and batch
    /// queries are split so that every request stays at or below it. Default: Qdrant's 32 MiB.
    /// </summary>
    public int MaxRequestBytes { get; init; } = QdrantDefaultMaxRequestBytes;

    /// <summary>Optional cap on points per upsert request, on top of the byte limit; null means bytes only.</summary>
    public int? MaxPointsPerUpsert { get; init; }

    /// <summary>
    /// Optional cap on queries per batch-query request, on top of the byte limit; null means bytes
    /// only. Set it when exact searches over large collections could outlast <see cref="RequestTimeout"/>.
    /// </summary>
    public int? MaxQueriesPerBatch { get; init; }

    /// <summary>Checks every setting and throws with what was wrong and what was expected.</summary>
    public void Validate()
    {
        if (RequestTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "expected a timeout > 0");
        if (MaxRetries < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "expected retries >= 0");
        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
            throw new ArgumentOutOfRangeException(nameof(InitialBackoff), InitialBackoff, $"expected 0 <= initial backoff <= max backoff ({MaxBackoff})");
        // The smallest useful body is the envelope plus one short point; 1 KiB keeps the check simple.
        if (MaxRequestBytes < 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBytes), MaxRequestBytes, "expected a request limit >= 1024 bytes");
        if (MaxPointsPerUpsert is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxPointsPerUpsert), MaxPointsPerUpsert, "expected null or >= 1 points per upsert");
        if (MaxQueriesPerBatch is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxQueriesPerBatch), MaxQueriesPerBatch, "expected null or >= 1 queries per batch");
    }
}
