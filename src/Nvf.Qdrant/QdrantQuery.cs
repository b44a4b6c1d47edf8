namespace Nvf.Qdrant;

/// <summary>A nearest-neighbour query for POST /collections/{name}/points/query.</summary>
/// <param name="Vector">float32 query vector of the collection's size.</param>
/// <param name="Limit">Number of hits wanted, >= 1.</param>
/// <param name="Exact">True asks Qdrant for a full scan (exact ranking) instead of the HNSW graph.</param>
/// <param name="HnswEf">Search-time HNSW beam width; null keeps the server default. Ignored when <paramref name="Exact"/>.</param>
/// <param name="WithPayload">True returns each hit's payload.</param>
public sealed record QdrantQuery(ReadOnlyMemory<float> Vector, int Limit, bool Exact = false, int? HnswEf = null, bool WithPayload = false)
{
    /// <summary>Throws with what was wrong when a field is out of range.</summary>
    public void Validate()
    {
        if (Vector.Length == 0)
            throw new ArgumentException("expected a non-empty query vector", nameof(Vector));
        if (Limit < 1)
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, "expected a limit >= 1");
        if (HnswEf is < 1)
            throw new ArgumentOutOfRangeException(nameof(HnswEf), HnswEf, "expected null or hnsw_ef >= 1");
    }
}
