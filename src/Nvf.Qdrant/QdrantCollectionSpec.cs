namespace Nvf.Qdrant;

/// <summary>
/// The shape of a new collection: one unnamed dense float32 vector per point.
/// </summary>
/// <param name="Size">Vector length (dimension), > 0.</param>
/// <param name="Distance">The similarity the collection ranks by.</param>
/// <param name="HnswM">HNSW edges per node; null keeps the server default (16 in Qdrant's config).</param>
/// <param name="HnswEfConstruct">HNSW build-time neighbour list size; null keeps the server default (100).</param>
public sealed record QdrantCollectionSpec(int Size, QdrantDistance Distance, int? HnswM = null, int? HnswEfConstruct = null)
{
    /// <summary>Throws with what was wrong when a field is out of range.</summary>
    public void Validate()
    {
        if (Size <= 0)
            throw new ArgumentOutOfRangeException(nameof(Size), Size, "expected a vector size > 0");
        if (!Enum.IsDefined(Distance))
            throw new ArgumentOutOfRangeException(nameof(Distance), Distance, "expected Cosine, Dot or Euclid");
        // Qdrant accepts m = 0 (it disables the graph), so only negatives are wrong.
        if (HnswM is < 0)
            throw new ArgumentOutOfRangeException(nameof(HnswM), HnswM, "expected null or m >= 0");
        if (HnswEfConstruct is < 4)
            throw new ArgumentOutOfRangeException(nameof(HnswEfConstruct), HnswEfConstruct, "expected null or ef_construct >= 4");
    }
}
