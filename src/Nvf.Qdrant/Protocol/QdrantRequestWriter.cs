using System.Buffers;
using System.Text.Json;

namespace Nvf.Qdrant.Protocol;

/// <summary>
/// Writes the JSON bodies of the REST subset this client speaks (field names as in Qdrant's
/// OpenAPI document: CreateCollection, PointStruct, QueryRequest, ScrollRequest, CountRequest).
/// </summary>
internal static class QdrantRequestWriter
{
    public static string DistanceName(QdrantDistance distance) => distance switch
    {
        QdrantDistance.Cosine => "Cosine",
        QdrantDistance.Dot => "Dot",
        QdrantDistance.Euclid => "Euclid",
        _ => throw new ArgumentOutOfRangeException(nameof(distance), distance, "expected Cosine, Dot or Euclid"),
    };

    public static byte[] CreateCollection(QdrantCollectionSpec spec) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("vectors");
        w.WriteNumber("size", spec.Size);
        w.WriteString("distance", DistanceName(spec.Distance));
        w.WriteEndObject();
        foreach (var (name, value) in new[] { ("shard_number", spec.ShardNumber), ("replication_factor", spec.ReplicationFactor), ("write_consistency_factor", spec.WriteConsistencyFactor) })
        {
            if (value is int v)
                w.WriteNumber(name, v);
        }

        if (spec.HnswM is not null || spec.HnswEfConstruct is not null || spec.FullScanThresholdKb is not null)
        {
            w.WriteStartObject("hnsw_config");
            if (spec.HnswM is int m)
                w.WriteNumber("m", m);
            if (spec.HnswEfConstruct is int ef)
                w.WriteNumber("ef_construct", ef);
            if (spec.FullScanThresholdKb is int fullScan)
                w.WriteNumber("full_scan_threshold", fullScan);
            w.WriteEndObject();
        }

        if (spec.IndexingThresholdKb is int indexing)
        {
            w.WriteStartObject("optimizers_config");
            w.WriteNumber("indexing_threshold", indexing);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    });

    /// <summary>One PointStruct: {"id":..,"vector":[..],"payload":{..}}.</summary>
    public static void Point(Utf8JsonWriter w, QdrantPoint point)
    {
        w.WriteStartObject();
        w.WriteNumber("id", point.Id);
        w.WritePropertyName("vector");
        Vector(w, point.Vector.Span, $"point {point.Id}");
        if (point.Payload is not null)
        {
            w.WritePropertyName("payload");
            point.Payload.WriteTo(w);
        }
        w.WriteEndObject();
    }

    /// <summary>One QueryRequest with a plain nearest-neighbour query vector.</summary>
    public static void Query(Utf8JsonWriter w, QdrantQuery query)
    {
        w.WriteStartObject();
        w.WritePropertyName("query");
        Vector(w, query.Vector.Span, "query");
        w.WriteNumber("limit", query.Limit);
        w.WriteStartObject("params");
        w.WriteBoolean("exact", query.Exact);
        if (query.HnswEf is int ef)
            w.WriteNumber("hnsw_ef", ef);
        w.WriteEndObject();
        w.WriteBoolean("with_payload", query.WithPayload);
        w.WriteEndObject();
    }

    public static byte[] Query(QdrantQuery query) => Write(w => Query(w, query));

    public static byte[] Scroll(int limit, ulong? offset, bool withPayload, bool withVector) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("limit", limit);
        if (offset is ulong start)
            w.WriteNumber("offset", start);
        w.WriteBoolean("with_payload", withPayload);
        w.WriteBoolean("with_vector", withVector);
        w.WriteEndObject();
    });

    public static byte[] Count(bool exact) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("exact", exact);
        w.WriteEndObject();
    });

    private static void Vector(Utf8JsonWriter w, ReadOnlySpan<float> vector, string owner)
    {
        w.WriteStartArray();
        for (int i = 0; i < vector.Length; i++)
        {
            // JSON has no NaN or infinity; Qdrant would refuse the whole batch with a parse error.
            if (!float.IsFinite(vector[i]))
                throw new ArgumentException($"{owner} has a non-finite value {vector[i]} at component {i}; expected finite floats");
            w.WriteNumberValue(vector[i]);
        }
        w.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
