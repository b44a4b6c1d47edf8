using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nvf.Qdrant.Protocol;

/// <summary>
/// Reads the REST answers: {"result": ..., "status": "ok", "time": s} on success and
/// {"status": {"error": "..."}, "time": s} on failure.
/// </summary>
internal static class QdrantResponseReader
{
    // Enough of a non-JSON body (proxy page, actix plain-text error) to say what went wrong.
    private const int MaxQuotedBodyChars = 300;

    /// <summary>Qdrant's status.error text, or the start of the body when it is not Qdrant's JSON.</summary>
    public static string ErrorText(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
            return "(empty body)";
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
                return error.GetString()!;
        }
        catch (JsonException)
        {
            // Not JSON: quote it below.
        }
        string text = Encoding.UTF8.GetString(body);
        return text.Length <= MaxQuotedBodyChars ? text : text[..MaxQuotedBodyChars] + "...";
    }

    public static bool ReadBoolResult(JsonElement result) => result.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Unexpected("a boolean result", result),
    };

    public static IReadOnlyList<QdrantScoredPoint> ReadScoredPoints(JsonElement queryResponse)
    {
        var points = Property(queryResponse, "points", JsonValueKind.Array);
        var hits = new List<QdrantScoredPoint>(points.GetArrayLength());
        foreach (var p in points.EnumerateArray())
            hits.Add(new QdrantScoredPoint(ReadId(Property(p, "id")), Property(p, "score", JsonValueKind.Number).GetSingle(), ReadPayload(p)));
        return hits;
    }

    public static QdrantScrollPage ReadScrollPage(JsonElement result)
    {
        var points = Property(result, "points", JsonValueKind.Array);
        var records = new List<QdrantRecord>(points.GetArrayLength());
        foreach (var p in points.EnumerateArray())
        {
            float[]? vector = null;
            if (p.TryGetProperty("vector", out var v) && v.ValueKind == JsonValueKind.Array)
            {
                vector = new float[v.GetArrayLength()];
                int i = 0;
                foreach (var x in v.EnumerateArray())
                    vector[i++] = x.GetSingle();
            }
            records.Add(new QdrantRecord(ReadId(Property(p, "id")), vector, ReadPayload(p)));
        }
        ulong? next = result.TryGetProperty("next_page_offset", out var n) && n.ValueKind != JsonValueKind.Null ? ReadId(n) : null;
        return new QdrantScrollPage(records, next);
    }

    public static QdrantCollectionInfo ReadCollectionInfo(JsonElement result)
    {
        var config = Property(result, "config", JsonValueKind.Object);
        var parameters = Property(config, "params", JsonValueKind.Object);
        var vectors = Property(parameters, "vectors", JsonValueKind.Object);
        var hnsw = Property(config, "hnsw_config", JsonValueKind.Object);
        long points = result.TryGetProperty("points_count", out var pc) && pc.ValueKind == JsonValueKind.Number ? pc.GetInt64() : 0;
        return new QdrantCollectionInfo(
            Property(result, "status", JsonValueKind.String).GetString()!,
            points,
            Property(vectors, "size", JsonValueKind.Number).GetInt32(),
            ParseDistance(Property(vectors, "distance", JsonValueKind.String).GetString()!),
            Property(hnsw, "m", JsonValueKind.Number).GetInt32(),
            Property(hnsw, "ef_construct", JsonValueKind.Number).GetInt32())
        {
            IndexedVectorsCount = OptionalInt(result, "indexed_vectors_count") ?? 0,
            IndexingThresholdKb = config.TryGetProperty("optimizer_config", out var optimizer) ? (int?)OptionalInt(optimizer, "indexing_threshold") : null,
            FullScanThresholdKb = (int)(OptionalInt(hnsw, "full_scan_threshold") ?? 10000),
            ShardNumber = (int)(OptionalInt(parameters, "shard_number") ?? 1),
            ReplicationFactor = (int)(OptionalInt(parameters, "replication_factor") ?? 1),
            WriteConsistencyFactor = (int)(OptionalInt(parameters, "write_consistency_factor") ?? 1),
        };
    }

    private static long? OptionalInt(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    public static QdrantDistance ParseDistance(string name) => name switch
    {
        "Cosine" => QdrantDistance.Cosine,
        "Dot" => QdrantDistance.Dot,
        "Euclid" => QdrantDistance.Euclid,
        _ => throw new FormatException($"Qdrant reported distance '{name}'; this client handles Cosine, Dot and Euclid"),
    };

    public static JsonElement Property(JsonElement owner, string name, JsonValueKind? kind = null)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(name, out var value))
            throw Unexpected($"an object with '{name}'", owner);
        if (kind is JsonValueKind k && value.ValueKind != k)
            throw Unexpected($"'{name}' of kind {k}", value);
        return value;
    }

    private static ulong ReadId(JsonElement id)
    {
        if (id.ValueKind == JsonValueKind.Number && id.TryGetUInt64(out ulong value))
            return value;
        // Qdrant also allows UUID ids; collections written by this client never have them.
        throw Unexpected("an unsigned integer point id (this client does not read UUID ids)", id);
    }

    private static JsonObject? ReadPayload(JsonElement point) =>
        point.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(payload.Clone())
            : null;

    private static FormatException Unexpected(string expected, JsonElement got)
    {
        string text = got.GetRawText();
        if (text.Length > MaxQuotedBodyChars)
            text = text[..MaxQuotedBodyChars] + "...";
        return new FormatException($"unexpected Qdrant answer: expected {expected}, got {text}");
    }
}
