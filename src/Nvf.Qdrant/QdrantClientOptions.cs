namespace Nvf.Qdrant;

/// <summary>
/// Where a <see cref="QdrantClient"/> connects and how it behaves when the server is slow or failing.
/// </summary>
public sealed record QdrantClientOptions
{
    /// <summary>
    /// Qdrant's own default for <c>service.max_request_size_mb</c> (32, in config/config.yaml),
    /// in bytes: Qdrant refuses a larger body with 400 and its JSON error envelope ("Payload error: JSON payload (N
    /// bytes) is larger than allowed (limit: 33554432 bytes).").
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
    /// Extra attempts after a connection error, a timeout, a 5xx answer, 408 (e.g. a distributed update that timed
    /// out) or 429 (strict-mode rate limit, after its Retry-After); never after another 4xx.
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

    /// <summary>
    /// Write ordering sent with every upsert (<c>ordering=weak|medium|strong</c>): in a cluster, strong sends writes
    /// through the shard's permanent leader. null sends none (the server's weak).
    /// </summary>
    public QdrantWriteOrdering? Ordering { get; init; }

    /// <summary>
    /// Read consistency sent with every query and scroll (<c>consistency=</c>): a replica count ("2") or "majority",
    /// "quorum", "all". null sends none (the server's 1). Count does not take it in Qdrant 1.12, so it is not sent there.
    /// </summary>
    public string? ReadConsistency { get; init; }

    /// <summary>
    /// Server-side timeout in whole seconds (<c>timeout=</c>) on the calls whose API takes one in every supported
    /// version: create and delete collection, query, batch query, scroll and count. null sends none.
    /// </summary>
    public int? ServerTimeoutSeconds { get; init; }

    /// <summary>The longest Retry-After (429, 503) the client honours; a longer one fails the call saying so. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

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
        if (ReadConsistency is { } consistency && !(consistency is "majority" or "quorum" or "all" || (int.TryParse(consistency, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var replicas) && replicas >= 1)))
            throw new ArgumentOutOfRangeException(nameof(ReadConsistency), consistency, "expected null, a replica count >= 1, or majority, quorum or all");
        if (ServerTimeoutSeconds is < 1)
            throw new ArgumentOutOfRangeException(nameof(ServerTimeoutSeconds), ServerTimeoutSeconds, "expected null or a server timeout >= 1 s");
        if (Ordering is { } ordering && !Enum.IsDefined(ordering))
            throw new ArgumentOutOfRangeException(nameof(Ordering), ordering, "expected weak, medium or strong");
        if (MaxRetryAfter < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), MaxRetryAfter, "expected a maximum Retry-After >= 0");
        if (MaxQueriesPerBatch is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxQueriesPerBatch), MaxQueriesPerBatch, "expected null or >= 1 queries per batch");
    }
}
