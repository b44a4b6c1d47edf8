using System.Text.Json.Nodes;

namespace Nvf.Qdrant;

/// <summary>One point to upsert.</summary>
/// <param name="Id">Point id (Qdrant accepts unsigned 64-bit integers or UUIDs; this client uses integers).</param>
/// <param name="Vector">float32 vector of the collection's size; finite values only (JSON has no NaN).</param>
/// <param name="Payload">Optional JSON object stored with the point.</param>
public sealed record QdrantPoint(ulong Id, ReadOnlyMemory<float> Vector, JsonObject? Payload = null);
