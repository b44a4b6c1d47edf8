using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Nvf.Qdrant.Protocol;

namespace Nvf.Qdrant;

/// <summary>
/// A small client for Qdrant's REST API: collections, batched upserts under the request size
/// limit, the Query API (single and batch), scroll, count and readiness. Every call has a
/// per-attempt timeout and bounded retries (see <see cref="QdrantClientOptions"/>); failures
/// surface as <see cref="QdrantException"/> with Qdrant's own error text.
/// </summary>
public sealed class QdrantClient : IDisposable
{
    private readonly QdrantTransport _transport;

    /// <summary>Creates a client; <paramref name="handler"/> replaces the network (tests pass a double) and is not disposed.</summary>
    public QdrantClient(QdrantClientOptions options, HttpMessageHandler? handler = null)
        : this(options, handler, null)
    {
    }

    internal QdrantClient(QdrantClientOptions options, HttpMessageHandler? handler, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _transport = new QdrantTransport(options, handler, delay);
    }

    /// <summary>The settings this client was created with.</summary>
    public QdrantClientOptions Options { get; }

    /// <summary>One GET /readyz, no retries: null when the server is ready, else the reason it is not.</summary>
    public Task<string?> ProbeReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _transport.ProbeReadyAsync(timeout, cancellationToken);

    /// <summary>
    /// PUT /collections/{name}: creates the collection; a 4xx (e.g. it already exists) throws. When an attempt's answer
    /// was lost (timeout, dropped connection) and the retry is answered 409, the first attempt created it: the client
    /// then reads the collection back and succeeds if its size and distance are the ones asked for.
    /// </summary>
    public async Task CreateCollectionAsync(string collection, QdrantCollectionSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        string path = CollectionPath(collection) + Query(("timeout", Timeout));
        JsonDocument doc;
        try
        {
            doc = await SendAsync(HttpMethod.Put, path, QdrantRequestWriter.CreateCollection(spec), cancellationToken).ConfigureAwait(false);
        }
        catch (QdrantException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict && e.Attempts > 1)
        {
            var info = await GetCollectionAsync(collection, cancellationToken).ConfigureAwait(false);
            if (info.Size != spec.Size || info.Distance != spec.Distance)
                throw new QdrantException($"PUT /{path}: an earlier attempt's answer was lost and the retry found '{collection}' existing with size {info.Size} and {info.Distance}; expected size {spec.Size} and {spec.Distance}", "PUT /" + path, e.StatusCode, e.ServerError, e.Attempts, e);
            return;
        }

        using (doc)
        {
            if (!Read(doc, "PUT /" + path, QdrantResponseReader.ReadBoolResult))
                throw new QdrantException($"Qdrant answered false to creating collection '{collection}'", "PUT /" + path, null, null, 1);
        }
    }

    /// <summary>DELETE /collections/{name}: true when a collection was deleted, false when none existed.</summary>
    public async Task<bool> DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        string path = CollectionPath(collection) + Query(("timeout", Timeout));
        using var doc = await SendAsync(HttpMethod.Delete, path, null, cancellationToken).ConfigureAwait(false);
        return Read(doc, "DELETE /" + path, QdrantResponseReader.ReadBoolResult);
    }

    /// <summary>GET /collections/{name}/exists.</summary>
    public async Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken = default)
    {
        string path = CollectionPath(collection) + "/exists";
        using var doc = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return Read(doc, "GET /" + path, r => QdrantResponseReader.ReadBoolResult(QdrantResponseReader.Property(r, "exists")));
    }

    /// <summary>GET /collections/{name}: size, distance, HNSW settings and approximate point count.</summary>
    public async Task<QdrantCollectionInfo> GetCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        using var doc = await SendAsync(HttpMethod.Get, CollectionPath(collection), null, cancellationToken).ConfigureAwait(false);
        return Read(doc, "GET /" + CollectionPath(collection), QdrantResponseReader.ReadCollectionInfo);
    }

    /// <summary>
    /// PUT /collections/{name}/points?wait=true in as many requests as needed so that no body
    /// exceeds <see cref="QdrantClientOptions.MaxRequestBytes"/> (exact JSON size). Points are
    /// serialized one at a time, so memory holds one request, not the whole set. A failure
    /// part-way throws <see cref="QdrantUpsertException"/> naming the batch and what was written.
    /// </summary>
    public async Task<QdrantUpsertReport> UpsertAsync(string collection, IEnumerable<QdrantPoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        string path = CollectionPath(collection) + "/points" + Query(("wait", "true"), ("ordering", Options.Ordering?.ToString().ToLowerInvariant()));
        var batcher = new SizeBoundedBatcher("{\"points\":["u8, "]}"u8, Options.MaxRequestBytes, Options.MaxPointsPerUpsert ?? int.MaxValue);
        var item = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(item);
        long written = 0, totalBytes = 0;
        int batches = 0, largest = 0;
        ulong firstId = 0, lastId = 0;

        async Task Flush()
        {
            int count = batcher.Count;
            byte[] body = batcher.TakeBody();
            try
            {
                using var doc = await SendAsync(HttpMethod.Put, path, body, cancellationToken).ConfigureAwait(false);
                // With wait=true Qdrant answers "completed" once the points are searchable; "acknowledged" means queued
                // only, and "wait_timeout" (1.19) that the server gave up waiting: neither is a finished write.
                var status = Read(doc, "PUT /" + path, r => QdrantResponseReader.Property(r, "status", JsonValueKind.String).GetString());
                if (status != "completed")
                    throw new QdrantException($"PUT /{path} answered update status '{status}'; expected 'completed' (wait=true): the batch is not known to be applied", "PUT /" + path, null, null, 1);
            }
            catch (QdrantException e)
            {
                throw new QdrantUpsertException(collection, batches, firstId, lastId, count, written, e);
            }
            written += count;
            batches++;
            largest = Math.Max(largest, body.Length);
            totalBytes += body.Length;
        }

        foreach (var point in points)
        {
            ArgumentNullException.ThrowIfNull(point, nameof(points));
            item.ResetWrittenCount();
            writer.Reset(item);
            QdrantRequestWriter.Point(writer, point);
            writer.Flush();
            if (item.WrittenCount > batcher.MaxItemBytes)
                throw new ArgumentException(
                    $"point {point.Id} is {item.WrittenCount} bytes of JSON, more than the {batcher.MaxItemBytes} that fit in one {Options.MaxRequestBytes}-byte request; " +
                    $"{written} points were written before it", nameof(points));
            if (!batcher.Fits(item.WrittenCount))
                await Flush().ConfigureAwait(false);
            if (batcher.Count == 0)
                firstId = point.Id;
            lastId = point.Id;
            batcher.Add(item.WrittenSpan);
        }
        if (batcher.Count > 0)
            await Flush().ConfigureAwait(false);
        return new QdrantUpsertReport(written, batches, largest, totalBytes);
    }

    /// <summary>
    /// Polls GET /collections/{name} until the collection is green (optimizations done) and, when the vectors are above
    /// its indexing threshold, every point is in an indexed segment; returns the last answer. Throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> naming the status and counts last seen.
    /// </summary>
    public async Task<QdrantCollectionInfo> WaitForIndexingAsync(string collection, TimeSpan timeout, TimeSpan? poll = null, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var info = await GetCollectionAsync(collection, cancellationToken).ConfigureAwait(false);
            var kb = info.PointsCount * info.Size * sizeof(float) / 1024;
            bool wantsIndex = info.IndexingThresholdKb is int threshold ? threshold > 0 && kb >= threshold : kb >= DefaultIndexingThresholdKb;
            if (info.Status == "green" && (!wantsIndex || info.IndexedVectorsCount >= info.PointsCount))
                return info;
            if (clock.Elapsed >= timeout)
                throw new TimeoutException($"collection '{collection}' is still {info.Status} with {info.IndexedVectorsCount:N0} of {info.PointsCount:N0} points indexed after {timeout.TotalSeconds:0} s");
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Qdrant's optimizers.indexing_threshold_kb in its default config/config.yaml.</summary>
    public const int DefaultIndexingThresholdKb = 10_000;

    /// <summary>POST /collections/{name}/points/query: hits best first (highest score, or lowest distance for Euclid).</summary>
    public async Task<IReadOnlyList<QdrantScoredPoint>> QueryAsync(string collection, QdrantQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        string path = CollectionPath(collection) + "/points/query" + ReadQuery;
        using var doc = await SendAsync(HttpMethod.Post, path, QdrantRequestWriter.Query(query), cancellationToken).ConfigureAwait(false);
        return Read(doc, "POST /" + path, QdrantResponseReader.ReadScoredPoints);
    }

    /// <summary>
    /// POST /collections/{name}/points/query/batch, split into requests under the size limit (and
    /// <see cref="QdrantClientOptions.MaxQueriesPerBatch"/>); result i answers query i.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<QdrantScoredPoint>>> QueryBatchAsync(string collection, IReadOnlyList<QdrantQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        string path = CollectionPath(collection) + "/points/query/batch" + ReadQuery;
        var batcher = new SizeBoundedBatcher("{\"searches\":["u8, "]}"u8, Options.MaxRequestBytes, Options.MaxQueriesPerBatch ?? int.MaxValue);
        var item = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(item);
        var results = new List<IReadOnlyList<QdrantScoredPoint>>(queries.Count);

        async Task Flush()
        {
            int expected = batcher.Count;
            using var doc = await SendAsync(HttpMethod.Post, path, batcher.TakeBody(), cancellationToken).ConfigureAwait(false);
            var answers = Read(doc, "POST /" + path, r => r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(QdrantResponseReader.ReadScoredPoints).ToList()
                : throw new FormatException($"expected an array result, got {r.ValueKind}"));
            if (answers.Count != expected)
                throw new QdrantException($"POST /{path} sent {expected} queries and got {answers.Count} answers", "POST /" + path, null, null, 1);
            results.AddRange(answers);
        }

        for (int i = 0; i < queries.Count; i++)
        {
            var query = queries[i] ?? throw new ArgumentException($"query {i} is null; expected a query", nameof(queries));
            query.Validate();
            item.ResetWrittenCount();
            writer.Reset(item);
            QdrantRequestWriter.Query(writer, query);
            writer.Flush();
            if (item.WrittenCount > batcher.MaxItemBytes)
                throw new ArgumentException($"query {i} is {item.WrittenCount} bytes of JSON; expected at most {batcher.MaxItemBytes}", nameof(queries));
            if (!batcher.Fits(item.WrittenCount))
                await Flush().ConfigureAwait(false);
            batcher.Add(item.WrittenSpan);
        }
        if (batcher.Count > 0)
            await Flush().ConfigureAwait(false);
        return results;
    }

    /// <summary>POST /collections/{name}/points/scroll: one page of at most <paramref name="limit"/> points in id order, starting at <paramref name="offset"/>.</summary>
    public async Task<QdrantScrollPage> ScrollAsync(string collection, int limit, ulong? offset = null, bool withVectors = false, bool withPayload = false, CancellationToken cancellationToken = default)
    {
        if (limit < 1)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "expected a page size >= 1");
        string path = CollectionPath(collection) + "/points/scroll" + ReadQuery;
        using var doc = await SendAsync(HttpMethod.Post, path, QdrantRequestWriter.Scroll(limit, offset, withPayload, withVectors), cancellationToken).ConfigureAwait(false);
        return Read(doc, "POST /" + path, QdrantResponseReader.ReadScrollPage);
    }

    /// <summary>Every point of the collection, page by page, following next_page_offset until it is null.</summary>
    public async IAsyncEnumerable<QdrantRecord> ScrollAllAsync(string collection, int pageSize, bool withVectors = false, bool withPayload = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ulong? offset = null;
        do
        {
            var page = await ScrollAsync(collection, pageSize, offset, withVectors, withPayload, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Points)
                yield return record;
            // Offsets are ids in ascending order; one that does not move forward would loop forever.
            if (page.NextPageOffset is ulong next && offset is ulong current && next <= current)
                throw new QdrantException($"scroll of '{collection}' returned next_page_offset {next} after offset {current}; expected it to increase", "POST /" + CollectionPath(collection) + "/points/scroll" + ReadQuery, null, null, 1);
            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }

    /// <summary>POST /collections/{name}/points/count; exact=true counts precisely rather than estimating.</summary>
    public async Task<long> CountAsync(string collection, bool exact = true, CancellationToken cancellationToken = default)
    {
        string path = CollectionPath(collection) + "/points/count" + Query(("timeout", Timeout));
        using var doc = await SendAsync(HttpMethod.Post, path, QdrantRequestWriter.Count(exact), cancellationToken).ConfigureAwait(false);
        return Read(doc, "POST /" + path, r => QdrantResponseReader.Property(r, "count", JsonValueKind.Number).GetInt64());
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();

    private Task<JsonDocument> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken) =>
        _transport.SendAsync(method, path, body, cancellationToken);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when Qdrant would refuse <paramref name="collection"/> as a name: it must
    /// have 1 to 255 characters, none of &lt; &gt; : " / \ | ? * or a control character.
    /// </summary>
    public static void ValidateCollectionName(string collection)
    {
        if (string.IsNullOrWhiteSpace(collection))
            throw new ArgumentException("expected a non-empty collection name", nameof(collection));
        if (collection.Length > 255)
            throw new ArgumentException($"collection name of {collection.Length} characters; Qdrant allows 1 to 255", nameof(collection));
        int bad = collection.IndexOfAny(ForbiddenNameCharacters);
        if (bad < 0)
            bad = collection.ToList().FindIndex(char.IsControl);
        if (bad >= 0)
            throw new ArgumentException($"collection name '{collection}' has '{(char.IsControl(collection[bad]) ? $"\\u{(int)collection[bad]:X4}" : collection[bad].ToString())}' at position {bad}; Qdrant refuses names with < > : \" / \\ | ? * or control characters", nameof(collection));
    }

    private static readonly char[] ForbiddenNameCharacters = ['<', '>', ':', '"', '/', '\\', '|', '?', '*', '\0'];

    private string? Timeout => Options.ServerTimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string ReadQuery => Query(("consistency", Options.ReadConsistency), ("timeout", Timeout));

    // "?a=1&b=2" of the parameters that have a value, or "".
    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }

    private static string CollectionPath(string collection)
    {
        ValidateCollectionName(collection);
        return "collections/" + Uri.EscapeDataString(collection);
    }

    private static T Read<T>(JsonDocument doc, string operation, Func<JsonElement, T> read)
    {
        try
        {
            return read(QdrantResponseReader.Property(doc.RootElement, "result"));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new QdrantException($"{operation}: {e.Message}", operation, null, null, 1, e);
        }
    }
}
