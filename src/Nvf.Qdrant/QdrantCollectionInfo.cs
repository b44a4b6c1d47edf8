namespace Nvf.Qdrant;

/// <summary>What the server reports about a collection (GET /collections/{name}).</summary>
/// <param name="Status">Qdrant's collection status: green, yellow, grey or red.</param>
/// <param name="PointsCount">Approximate number of points (Qdrant may lag; use Count for an exact figure).</param>
/// <param name="Size">Vector length.</param>
/// <param name="Distance">The similarity the collection ranks by.</param>
/// <param name="HnswM">HNSW edges per node as configured.</param>
/// <param name="HnswEfConstruct">HNSW build-time neighbour list size as configured.</param>
public sealed record QdrantCollectionInfo(
    string Status, long PointsCount, int Size, QdrantDistance Distance, int HnswM, int HnswEfConstruct)
{
    /// <summary>Vectors in HNSW-indexed segments (indexed_vectors_count); 0 while every segment is below the indexing threshold.</summary>
    public long IndexedVectorsCount { get; init; }

    /// <summary>optimizer_config.indexing_threshold in KB, or null when the server reports none (its default applies).</summary>
    public int? IndexingThresholdKb { get; init; }

    /// <summary>hnsw_config.full_scan_threshold in KB.</summary>
    public int FullScanThresholdKb { get; init; }

    /// <summary>params.shard_number (1 when not reported).</summary>
    public int ShardNumber { get; init; } = 1;

    /// <summary>params.replication_factor (1 when not reported).</summary>
    public int ReplicationFactor { get; init; } = 1;

    /// <summary>params.write_consistency_factor (1 when not reported).</summary>
    public int WriteConsistencyFactor { get; init; } = 1;

    /// <summary>
    /// Which search a nearest-neighbour query gets: "HNSW" only when every point is in an indexed segment and the
    /// collection is above the full-scan threshold; otherwise Qdrant scans exhaustively, whatever exact and hnsw_ef say.
    /// </summary>
    public string SearchMode(bool exactRequested)
    {
        var kb = PointsCount * Size * sizeof(float) / 1024;
        if (exactRequested)
            return "exact (full scan, requested)";
        if (IndexedVectorsCount < PointsCount || IndexedVectorsCount == 0)
            return $"exhaustive: {PointsCount - IndexedVectorsCount:N0} of {PointsCount:N0} points are in segments without an HNSW index ({kb:N0} KB of vectors; indexing_threshold {(IndexingThresholdKb is int t ? $"{t:N0} KB" : "the server's default")})";
        if (kb < FullScanThresholdKb)
            return $"exhaustive: {kb:N0} KB of vectors is under full_scan_threshold {FullScanThresholdKb:N0} KB";
        return "HNSW (approximate)";
    }
}
