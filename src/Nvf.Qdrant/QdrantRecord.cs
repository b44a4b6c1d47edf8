using System.Text.Json.Nodes;

namespace Nvf.Qdrant;

/// <summary>A stored point as returned by scroll.</summary>
/// <param name="Id">Point id.</param>
/// <param name="Vector">The stored float32 vector when requested, else null (Cosine collections store it unit-normalized).</param>
/// <param name="Payload">The stored payload when requested and present, else null.</param>
public sealed record QdrantRecord(ulong Id, float[]? Vector, JsonObject? Payload);
