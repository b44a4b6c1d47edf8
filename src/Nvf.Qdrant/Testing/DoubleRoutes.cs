using System.Buffers;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nvf.Qdrant.Protocol;

namespace Nvf.Qdrant.Testing;

/// <summary>The REST routes of <see cref="QdrantRestDouble"/>, answering in Qdrant's JSON envelope.</summary>
internal sealed class DoubleRoutes
{
    private readonly Dictionary<string, DoubleCollection> _collections = new(StringComparer.Ordinal);

    /// <summary>Reads answered "yellow" after an upsert takes a collection above its indexing threshold.</summary>
    public int OptimizingReads { get; set; } = 2;

    public int? PointCount(string collection) => _collections.TryGetValue(collection, out var c) ? c.Count : null;

    public HttpResponseMessage Serve(RecordedRequest request, string? updateStatus = null)
    {
        string[] parts = request.Route.Split('/').Select(Uri.UnescapeDataString).ToArray();
        bool wait = request.Path.Contains("wait=true", StringComparison.Ordinal);
        try
        {
            if (parts is ["collections", var named, ..] && InvalidName(named) is { } why)
                return Error(HttpStatusCode.UnprocessableEntity, $"Validation error in path parameters: [name: {why}]");
            using var body = request.Body.Length > 0 ? JsonDocument.Parse(request.Body) : null;
            return (request.Method, parts) switch
            {
                ("GET", [""]) => Respond(HttpStatusCode.OK, w => WriteObject(w, o =>
                {
                    o.WriteString("title", "qdrant - vector search engine");
                    o.WriteString("version", "1.19.0");
                })),
                ("GET", ["healthz"]) or ("GET", ["livez"]) => Text("healthz check passed"),
                ("GET", ["readyz"]) => Text("all shards are ready"),
                ("PUT", ["collections", var name]) => Create(name, body),
                ("DELETE", ["collections", var name]) => Ok(w => w.WriteBooleanValue(_collections.Remove(name))),
                ("GET", ["collections", var name, "exists"]) => Ok(w => WriteObject(w, o => o.WriteBoolean("exists", _collections.ContainsKey(name)))),
                ("GET", ["collections", var name]) => Describe(Find(name)),
                ("PUT", ["collections", var name, "points"]) => Upsert(Find(name), body, updateStatus ?? (wait ? "completed" : "acknowledged"), OptimizingReads),
                ("POST", ["collections", var name, "points", "query"]) => Ok(w => WriteHits(w, Find(name), Required(body).RootElement)),
                ("POST", ["collections", var name, "points", "query", "batch"]) => QueryBatch(Find(name), body),
                ("POST", ["collections", var name, "points", "scroll"]) => Scroll(Find(name), body),
                ("POST", ["collections", var name, "points", "count"]) => Ok(w => WriteObject(w, o => o.WriteNumber("count", Find(name).Count))),
                _ => Error(HttpStatusCode.NotFound, $"Not found: the double does not serve {request.Method} /{request.Route}"),
            };
        }
        catch (KeyNotFoundException e)
        {
            return Error(HttpStatusCode.NotFound, e.Message);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            return Error(HttpStatusCode.BadRequest, e.Message.StartsWith("Wrong input", StringComparison.Ordinal) ? e.Message : "Format error in JSON body: " + e.Message);
        }
    }

    // Qdrant's rule for collection names: 1 to 255 characters, none of < > : " / \ | ? * NUL or other control characters.
    private static string? InvalidName(string name)
    {
        if (name.Length is 0 or > 255)
            return $"collection name must be 1 to 255 characters, got {name.Length}";
        var bad = name.FirstOrDefault(c => "<>:\"/\\|?*".Contains(c) || char.IsControl(c));
        return bad == default ? null : $"collection name cannot contain \"{bad}\" char";
    }

    private static HttpResponseMessage Text(string text) =>
        new(HttpStatusCode.OK) { Content = new StringContent(text, System.Text.Encoding.UTF8, "text/plain") };

    public static HttpResponseMessage Error(HttpStatusCode status, string error) =>
        Respond(status, w => WriteObject(w, o =>
        {
            o.WriteStartObject("status");
            o.WriteString("error", error);
            o.WriteEndObject();
            o.WriteNumber("time", 0.0);
        }));

    private HttpResponseMessage Create(string name, JsonDocument? body)
    {
        if (_collections.ContainsKey(name))
            return Error(HttpStatusCode.Conflict, $"Wrong input: Collection `{name}` already exists!");
        var root = Required(body).RootElement;
        var vectors = QdrantResponseReader.Property(root, "vectors", JsonValueKind.Object);
        int? m = null, ef = null, fullScan = null, indexing = null;
        if (root.TryGetProperty("hnsw_config", out var hnsw))
        {
            m = Int(hnsw, "m");
            ef = Int(hnsw, "ef_construct");
            fullScan = Int(hnsw, "full_scan_threshold");
        }
        if (root.TryGetProperty("optimizers_config", out var optimizers))
            indexing = Int(optimizers, "indexing_threshold");
        var spec = new QdrantCollectionSpec(
            QdrantResponseReader.Property(vectors, "size", JsonValueKind.Number).GetInt32(),
            QdrantResponseReader.ParseDistance(QdrantResponseReader.Property(vectors, "distance", JsonValueKind.String).GetString()!),
            m, ef)
        {
            FullScanThresholdKb = fullScan,
            IndexingThresholdKb = indexing,
            ShardNumber = Int(root, "shard_number"),
            ReplicationFactor = Int(root, "replication_factor"),
            WriteConsistencyFactor = Int(root, "write_consistency_factor"),
        };
        try
        {
            spec.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            return Error(HttpStatusCode.UnprocessableEntity, $"Validation error in JSON body: [{e.ParamName}: {e.Message.Split(" (Parameter")[0]}]");
        }
        _collections[name] = new DoubleCollection(spec);
        return Ok(w => w.WriteBooleanValue(true));
    }

    // A whole CollectionInfo as Qdrant 1.12 and 1.19 both describe it: server defaults from config/config.yaml where
    // the collection set nothing. Above its indexing threshold the collection answers yellow (optimizing) for a few
    // reads after a write, then green with every point indexed; below it, green with none indexed (plain segments).
    private static HttpResponseMessage Describe(DoubleCollection c)
    {
        var spec = c.Spec;
        var threshold = spec.IndexingThresholdKb ?? QdrantClient.DefaultIndexingThresholdKb;
        bool indexable = threshold > 0 && spec.VectorKb(c.Count) >= threshold;
        string status = indexable && c.OptimizingReadsLeft > 0 ? "yellow" : "green";
        if (c.OptimizingReadsLeft > 0)
            c.OptimizingReadsLeft--;
        return Ok(w => WriteObject(w, o =>
        {
            o.WriteString("status", status);
            o.WriteString("optimizer_status", "ok");
            o.WriteNumber("indexed_vectors_count", indexable && status == "green" ? c.Count : 0);
            o.WriteNumber("points_count", c.Count);
            o.WriteNumber("segments_count", Math.Max(1, spec.ShardNumber ?? 1) * 2);
            o.WriteStartObject("config");
            o.WriteStartObject("params");
            o.WriteStartObject("vectors");
            o.WriteNumber("size", spec.Size);
            o.WriteString("distance", QdrantRequestWriter.DistanceName(spec.Distance));
            o.WriteEndObject();
            o.WriteNumber("shard_number", spec.ShardNumber ?? 1);
            o.WriteNumber("replication_factor", spec.ReplicationFactor ?? 1);
            o.WriteNumber("write_consistency_factor", spec.WriteConsistencyFactor ?? 1);
            o.WriteBoolean("on_disk_payload", true);
            o.WriteEndObject();
            o.WriteStartObject("hnsw_config");
            o.WriteNumber("m", spec.HnswM ?? 16);
            o.WriteNumber("ef_construct", spec.HnswEfConstruct ?? 100);
            o.WriteNumber("full_scan_threshold", spec.FullScanThresholdKb ?? 10000);
            o.WriteNumber("max_indexing_threads", 0);
            o.WriteBoolean("on_disk", false);
            o.WriteEndObject();
            o.WriteStartObject("optimizer_config");
            o.WriteNumber("deleted_threshold", 0.2);
            o.WriteNumber("vacuum_min_vector_number", 1000);
            o.WriteNumber("default_segment_number", 0);
            o.WriteNull("max_segment_size");
            o.WriteNull("memmap_threshold");
            o.WriteNumber("indexing_threshold", threshold);
            o.WriteNumber("flush_interval_sec", 5);
            o.WriteNull("max_optimization_threads");
            o.WriteEndObject();
            o.WriteStartObject("wal_config");
            o.WriteNumber("wal_capacity_mb", 32);
            o.WriteNumber("wal_segments_ahead", 0);
            o.WriteEndObject();
            o.WriteNull("quantization_config");
            o.WriteEndObject();
            o.WriteStartObject("payload_schema");
            o.WriteEndObject();
        }));
    }

    private static int? Int(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static HttpResponseMessage Upsert(DoubleCollection c, JsonDocument? body, string status, int optimizingReads)
    {
        var points = QdrantResponseReader.Property(Required(body).RootElement, "points", JsonValueKind.Array);
        // Validate the whole batch first so a refused batch leaves nothing behind, like Qdrant's single operation.
        var parsed = points.EnumerateArray().Select(p => (
            Id: QdrantResponseReader.Property(p, "id", JsonValueKind.Number).GetUInt64(),
            Vector: Floats(QdrantResponseReader.Property(p, "vector", JsonValueKind.Array)),
            Payload: p.TryGetProperty("payload", out var payload) ? JsonObject.Create(payload.Clone()) : null)).ToList();
        if (parsed.FirstOrDefault(p => p.Vector.Length != c.Spec.Size) is { Vector: not null } bad)
            throw new ArgumentException($"Wrong input: Vector dimension error: expected dim: {c.Spec.Size}, got {bad.Vector.Length}");
        foreach (var p in parsed)
            c.Upsert(p.Id, p.Vector, p.Payload);
        c.OptimizingReadsLeft = optimizingReads;
        long operation = ++c.Operations;
        return Ok(w => WriteObject(w, o =>
        {
            o.WriteNumber("operation_id", operation);
            o.WriteString("status", status);
        }));
    }

    private static HttpResponseMessage QueryBatch(DoubleCollection c, JsonDocument? body)
    {
        var searches = QdrantResponseReader.Property(Required(body).RootElement, "searches", JsonValueKind.Array);
        // Searches are read-only: run them on every core, then write the answers in order.
        var requests = searches.EnumerateArray().ToArray();
        var hits = new List<(ulong Id, float Score, JsonObject? Payload)>[requests.Length];
        Parallel.For(0, requests.Length, i => hits[i] = Hits(c, requests[i]));
        return Ok(w =>
        {
            w.WriteStartArray();
            for (int i = 0; i < requests.Length; i++)
                WriteHits(w, hits[i], WithPayload(requests[i]));
            w.WriteEndArray();
        });
    }

    private static HttpResponseMessage Scroll(DoubleCollection c, JsonDocument? body)
    {
        var root = Required(body).RootElement;
        int limit = root.TryGetProperty("limit", out var l) ? l.GetInt32() : 10;
        ulong? offset = root.TryGetProperty("offset", out var off) && off.ValueKind == JsonValueKind.Number ? off.GetUInt64() : null;
        bool withVector = root.TryGetProperty("with_vector", out var wv) && wv.GetBoolean();
        bool withPayload = root.TryGetProperty("with_payload", out var wp) && wp.GetBoolean();
        var (page, next) = c.Scroll(offset, limit);
        return Ok(w => WriteObject(w, o =>
        {
            o.WriteStartArray("points");
            foreach (var (id, vector, payload) in page)
            {
                o.WriteStartObject();
                o.WriteNumber("id", id);
                if (withVector)
                {
                    o.WriteStartArray("vector");
                    foreach (float x in vector)
                        o.WriteNumberValue(x);
                    o.WriteEndArray();
                }
                if (withPayload && payload is not null)
                {
                    o.WritePropertyName("payload");
                    payload.WriteTo(o);
                }
                o.WriteEndObject();
            }
            o.WriteEndArray();
            if (next is ulong n)
                o.WriteNumber("next_page_offset", n);
            else
                o.WriteNull("next_page_offset");
        }));
    }

    private static List<(ulong Id, float Score, JsonObject? Payload)> Hits(DoubleCollection c, JsonElement query)
    {
        float[] vector = Floats(QdrantResponseReader.Property(query, "query", JsonValueKind.Array));
        int limit = query.TryGetProperty("limit", out var l) ? l.GetInt32() : 10;
        return c.Search(vector, limit);
    }

    private static bool WithPayload(JsonElement query) => query.TryGetProperty("with_payload", out var wp) && wp.GetBoolean();

    private static void WriteHits(Utf8JsonWriter w, DoubleCollection c, JsonElement query) => WriteHits(w, Hits(c, query), WithPayload(query));

    private static void WriteHits(Utf8JsonWriter w, List<(ulong Id, float Score, JsonObject? Payload)> hits, bool withPayload)
    {
        WriteObject(w, o =>
        {
            o.WriteStartArray("points");
            foreach (var (id, score, payload) in hits)
            {
                o.WriteStartObject();
                o.WriteNumber("id", id);
                o.WriteNumber("version", 0);
                o.WriteNumber("score", score);
                if (withPayload && payload is not null)
                {
                    o.WritePropertyName("payload");
                    payload.WriteTo(o);
                }
                o.WriteEndObject();
            }
            o.WriteEndArray();
        });
    }

    private DoubleCollection Find(string name) =>
        _collections.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"Not found: Collection `{name}` doesn't exist!");

    private static JsonDocument Required(JsonDocument? body) =>
        body ?? throw new FormatException("expected a JSON body");

    private static float[] Floats(JsonElement array)
    {
        var values = new float[array.GetArrayLength()];
        int i = 0;
        foreach (var x in array.EnumerateArray())
            values[i++] = x.GetSingle();
        return values;
    }

    private static void WriteObject(Utf8JsonWriter w, Action<Utf8JsonWriter> fields)
    {
        w.WriteStartObject();
        fields(w);
        w.WriteEndObject();
    }

    private static HttpResponseMessage Ok(Action<Utf8JsonWriter> result) =>
        Respond(HttpStatusCode.OK, w => WriteObject(w, o =>
        {
            o.WritePropertyName("result");
            result(o);
            o.WriteString("status", "ok");
            o.WriteNumber("time", 0.0);
        }));

    private static HttpResponseMessage Respond(HttpStatusCode status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return new HttpResponseMessage(status)
        {
            Content = new ByteArrayContent(buffer.WrittenSpan.ToArray()) { Headers = { ContentType = new("application/json") } },
        };
    }
}
