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
    /// <summary>
    /// optimizers_config.indexing_threshold, in KB of vectors (1 KB = one 256-float vector): a segment builds an HNSW
    /// index only above it, so a smaller collection is always searched exhaustively. null keeps the server's
    /// (10,000 KB in Qdrant's config/config.yaml); 0 disables indexing.
    /// </summary>
    public int? IndexingThresholdKb { get; init; }

    /// <summary>hnsw_config.full_scan_threshold, in KB: below it the query planner prefers a full scan to the graph. null keeps the server's (10,000); Qdrant's minimum is 10.</summary>
    public int? FullScanThresholdKb { get; init; }

    /// <summary>Shards of the collection (a cluster spreads them over its nodes); null keeps the server's (1 standalone, else one per node).</summary>
    public int? ShardNumber { get; init; }

    /// <summary>Copies of each shard in a cluster; null keeps the server's (1).</summary>
    public int? ReplicationFactor { get; init; }

    /// <summary>Replicas that must acknowledge a write for it to succeed; null keeps the server's (1). At most <see cref="ReplicationFactor"/>.</summary>
    public int? WriteConsistencyFactor { get; init; }

    /// <summary>Vector data of <paramref name="points"/> points in KB, as Qdrant compares it with its thresholds (float32).</summary>
    public long VectorKb(long points) => points * Size * sizeof(float) / 1024;

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
        if (IndexingThresholdKb is < 0)
            throw new ArgumentOutOfRangeException(nameof(IndexingThresholdKb), IndexingThresholdKb, "expected null or an indexing threshold >= 0 KB (0 disables indexing)");
        if (FullScanThresholdKb is < 10)
            throw new ArgumentOutOfRangeException(nameof(FullScanThresholdKb), FullScanThresholdKb, "expected null or a full-scan threshold >= 10 KB (Qdrant's minimum)");
        if (ShardNumber is < 1)
            throw new ArgumentOutOfRangeException(nameof(ShardNumber), ShardNumber, "expected null or >= 1 shards");
        if (ReplicationFactor is < 1)
            throw new ArgumentOutOfRangeException(nameof(ReplicationFactor), ReplicationFactor, "expected null or a replication factor >= 1");
        if (WriteConsistencyFactor is < 1 || WriteConsistencyFactor > (ReplicationFactor ?? 1))
            throw new ArgumentOutOfRangeException(nameof(WriteConsistencyFactor), WriteConsistencyFactor, $"expected null or 1 <= write consistency factor <= the replication factor ({ReplicationFactor ?? 1})");
    }
}
