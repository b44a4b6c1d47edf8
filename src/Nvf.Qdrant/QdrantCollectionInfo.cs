namespace Nvf.Qdrant;

/// <summary>What the server reports about a collection (GET /collections/{name}).</summary>
/// <param name="Status">Qdrant's collection status: green, yellow, grey or red.</param>
/// <param name="PointsCount">Approximate number of points (Qdrant may lag; use Count for an exact figure).</param>
/// <param name="Size">Vector length.</param>
/// <param name="Distance">The similarity the collection ranks by.</param>
/// <param name="HnswM">HNSW edges per node as configured.</param>
/// <param name="HnswEfConstruct">HNSW build-time neighbour list size as configured.</param>
public sealed record QdrantCollectionInfo(
    string Status, long PointsCount, int Size, QdrantDistance Distance, int HnswM, int HnswEfConstruct);
