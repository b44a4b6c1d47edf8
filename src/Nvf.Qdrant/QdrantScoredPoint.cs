using System.Text.Json.Nodes;

namespace Nvf.Qdrant;

/// <summary>One hit of a query.</summary>
/// <param name="Id">Point id.</param>
/// <param name="Score">Cosine similarity, inner product, or Euclidean distance (not squared), per the collection's <see cref="QdrantDistance"/>.</param>
/// <param name="Payload">The payload when the query asked for it and the point has one, else null.</param>
public sealed record QdrantScoredPoint(ulong Id, float Score, JsonObject? Payload);
