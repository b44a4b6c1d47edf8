using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nvf.Qdrant.Testing;

/// <summary>
/// A TEST DOUBLE of Qdrant's REST subset used by <see cref="QdrantClient"/>, running in-process
/// as an <see cref="HttpMessageHandler"/> (no socket). It keeps collections in memory, searches
/// exactly with Qdrant's score conventions (Cosine on unit vectors, Dot, Euclid as the distance),
/// and models what Qdrant does at its edges: the api-key answered 401 in plain text (the health
/// endpoints need none), an oversized body answered 400 in Qdrant's JSON envelope, names Qdrant
/// refuses answered 422, cluster settings and thresholds kept and reported, a collection above its
/// indexing threshold yellow for a few reads before it is green and indexed. It records every
/// request and injects faults (<see cref="QdrantFault"/>). It is not Qdrant: it has no HNSW graph
/// (an "indexed" collection is still searched exactly), no filters, no UUID ids. Its answers are
/// checked against Qdrant's published OpenAPI documents by the contract tests.
/// </summary>
public sealed class QdrantRestDouble : HttpMessageHandler
{
    /// <summary>The address to give the client: nothing listens there, the handler answers.</summary>
    public static readonly Uri BaseAddress = new("http://qdrant-rest-double.invalid:6333/");

    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FaultState> _faults = [];
    private readonly DoubleRoutes _routes = new();

    /// <summary>Creates an empty double; with <paramref name="apiKey"/> every request must carry it.</summary>
    public QdrantRestDouble(string? apiKey = null, int maxRequestBytes = QdrantClientOptions.QdrantDefaultMaxRequestBytes)
    {
        if (maxRequestBytes < 1)
            throw new ArgumentOutOfRangeException(nameof(maxRequestBytes), maxRequestBytes, "expected a request limit >= 1 byte");
        ApiKey = apiKey;
        MaxRequestBytes = maxRequestBytes;
    }

    /// <summary>The api-key every request must carry, or null for none.</summary>
    public string? ApiKey { get; }

    /// <summary>Bodies larger than this are answered 400 with Qdrant's "Payload error", as its max_request_size_mb does.</summary>
    public int MaxRequestBytes { get; }

    /// <summary>Every request received so far, in order (faulted ones included).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
                return _requests.ToArray();
        }
    }

    /// <summary>Adds a fault; faults are checked in the order they were added.</summary>
    public void InjectFault(QdrantFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
            _faults.Add(new FaultState(fault));
    }

    /// <summary>GET /collections/{name} reads that answer "yellow" after an upsert takes a collection above its indexing threshold (optimizing).</summary>
    public int OptimizingReads
    {
        get => _routes.OptimizingReads;
        init => _routes.OptimizingReads = value;
    }

    /// <summary>Points stored in <paramref name="collection"/>, or null when it does not exist.</summary>
    public int? PointCount(string collection)
    {
        lock (_gate)
            return _routes.PointCount(collection);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? key = request.Headers.TryGetValues("api-key", out var values) ? values.First() : null;
        string path = request.RequestUri!.PathAndQuery.TrimStart('/');
        var recorded = new RecordedRequest(request.Method.Method, path, body, key);
        QdrantFault? fault;
        lock (_gate)
        {
            _requests.Add(recorded);
            fault = NextFault(recorded);
        }
        switch (fault?.Kind)
        {
            case QdrantFaultKind.Refuse:
                throw new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused ({BaseAddress.Authority})",
                    new SocketException((int)SocketError.ConnectionRefused));
            case QdrantFaultKind.Status:
                var error = DoubleRoutes.Error(fault.StatusCode, fault.ErrorText);
                if (fault.RetryAfter is { } after)
                    error.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(after);
                return error;
            case QdrantFaultKind.Delay:
                await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
                break;
        }
        // Qdrant's authentication layer answers in plain text, before any route; the health endpoints are open.
        if (ApiKey is not null && key != ApiKey && recorded.Route is not ("" or "healthz" or "readyz" or "livez"))
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                Content = new StringContent(key is null ? "Must provide an API key or an Authorization bearer token" : "Invalid API key or JWT", Encoding.UTF8, "text/plain"),
            };
        }
        if (body.Length > MaxRequestBytes)
            return DoubleRoutes.Error(HttpStatusCode.BadRequest, $"Payload error: JSON payload ({body.Length} bytes) is larger than allowed (limit: {MaxRequestBytes} bytes).");
        HttpResponseMessage answer;
        lock (_gate)
            answer = _routes.Serve(recorded, fault?.Kind == QdrantFaultKind.UpdateStatus ? fault.Update : null);
        if (fault?.Kind == QdrantFaultKind.ServeThenDrop)
        {
            answer.Dispose();
            throw new TaskCanceledException("the double served the request and dropped its answer", new TimeoutException());
        }
        return answer;
    }

    private QdrantFault? NextFault(RecordedRequest request)
    {
        foreach (var state in _faults)
        {
            if (state.TimesLeft == 0 || !(state.Fault.Match?.Invoke(request) ?? true))
                continue;
            if (state.SkipLeft > 0)
            {
                state.SkipLeft--;
                continue;
            }
            state.TimesLeft--;
            return state.Fault;
        }
        return null;
    }

    private sealed class FaultState(QdrantFault fault)
    {
        public QdrantFault Fault { get; } = fault;
        public int SkipLeft { get; set; } = fault.Skip;
        public int TimesLeft { get; set; } = fault.Times;
    }
}
