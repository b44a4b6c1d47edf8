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

    public int? PointCount(string collection) => _collections.TryGetValue(collection, out var c) ? c.Count : null;

    public HttpResponseMessage Serve(RecordedRequest request)
    {
        string[] parts = request.Route.Split('/').Select(Uri.UnescapeDataString).ToArray();
        try
        {
            using var body = request.Body.Length > 0 ? JsonDocument.Parse(request.Body) : null;
            return (request.Method, parts) switch
            {
                ("GET", ["readyz"]) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("all shards are ready") },
                ("PUT", ["collections", var name]) => Create(name, body),
                ("DELETE", ["collections", var name]) => Ok(w => w.WriteBooleanValue(_collections.Remove(name))),
                ("GET", ["collections", var name, "exists"]) => Ok(w => WriteObject(w, o => o.WriteBoolean("exists", _collections.ContainsKey(name)))),
                ("GET", ["collections", var name]) => Describe(Find(name)),
                ("PUT", ["collections", var name, "points"]) => Upsert(Find(name), body),
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
        int? m = null, ef = null;
        if (root.TryGetProperty("hnsw_config", out var hnsw))
        {
            m = hnsw.TryGetProperty("m", out var mv) ? mv.GetInt32() : null;
            ef = hnsw.TryGetProperty("ef_construct", out var ev) ? ev.GetInt32() : null;
        }
        var spec = new QdrantCollectionSpec(
            QdrantResponseReader.Property(vectors, "size", JsonValueKind.Number).GetInt32(),
            QdrantResponseReader.ParseDistance(QdrantResponseReader.Property(vectors, "distance", JsonValueKind.String).GetString()!),
            m, ef);
        _collections[name] = new DoubleCollection(spec);
        return Ok(w => w.WriteBooleanValue(true));
    }

    private static HttpResponseMessage Describe(DoubleCollection c) => Ok(w => WriteObject(w, o =>
    {
        o.WriteString("status", "green");
        o.WriteNumber("points_count", c.Count);
        o.WriteStartObject("config");
        o.WriteStartObject("params");
        o.WriteStartObject("vectors");
        o.WriteNumber("size", c.Spec.Size);
        o.WriteString("distance", QdrantRequestWriter.DistanceName(c.Spec.Distance));
        o.WriteEndObject();
        o.WriteEndObject();
        o.WriteStartObject("hnsw_config");
        // Qdrant's defaults from config/config.yaml when the collection did not set them.
        o.WriteNumber("m", c.Spec.HnswM ?? 16);
        o.WriteNumber("ef_construct", c.Spec.HnswEfConstruct ?? 100);
        o.WriteEndObject();
        o.WriteEndObject();
    }));

    private static HttpResponseMessage Upsert(DoubleCollection c, JsonDocument? body)
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
        return Ok(w => WriteObject(w, o =>
        {
            o.WriteNumber("operation_id", 0);
            o.WriteString("status", "completed");
        }));
    }

    private static HttpResponseMessage QueryBatch(DoubleCollection c, JsonDocument? body)
    {
        var searches = QdrantResponseReader.Property(Required(body).RootElement, "searches", JsonValueKind.Array);
        return Ok(w =>
        {
            w.WriteStartArray();
            foreach (var search in searches.EnumerateArray())
                WriteHits(w, c, search);
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

    private static void WriteHits(Utf8JsonWriter w, DoubleCollection c, JsonElement query)
    {
        float[] vector = Floats(QdrantResponseReader.Property(query, "query", JsonValueKind.Array));
        int limit = query.TryGetProperty("limit", out var l) ? l.GetInt32() : 10;
        bool withPayload = query.TryGetProperty("with_payload", out var wp) && wp.GetBoolean();
        WriteObject(w, o =>
        {
            o.WriteStartArray("points");
            foreach (var (id, score, payload) in c.Search(vector, limit))
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
