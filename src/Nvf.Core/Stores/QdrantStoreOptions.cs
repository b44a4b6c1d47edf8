namespace Nvf.Core.Stores;

/// <summary>How a <see cref="QdrantVectorStore"/> builds its collection and searches it.</summary>
public sealed record QdrantStoreOptions
{
    /// <summary>True (default) searches with params.exact = true: a full scan, the ranking FAISS flat gives. False uses the HNSW graph.</summary>
    public bool Exact { get; init; } = true;

    /// <summary>Search-time HNSW beam width when not <see cref="Exact"/>; null keeps the server default.</summary>
    public int? HnswEf { get; init; }

    /// <summary>HNSW edges per node for new collections; null keeps the server default (16).</summary>
    public int? HnswM { get; init; }

    /// <summary>HNSW build-time neighbour list size for new collections; null keeps the server default (100).</summary>
    public int? HnswEfConstruct { get; init; }

    /// <summary>
    /// optimizers_config.indexing_threshold (KB) for new collections: Qdrant builds an HNSW index only for a segment
    /// above it (10,000 KB by default), so without lowering it a small collection is always scanned exhaustively. null keeps the server's.
    /// </summary>
    public int? IndexingThresholdKb { get; init; }

    /// <summary>hnsw_config.full_scan_threshold (KB) for new collections; null keeps the server's (10,000).</summary>
    public int? FullScanThresholdKb { get; init; }

    /// <summary>How long to wait after an upsert for the collection to be green and indexed before HNSW searches. Default 5 min.</summary>
    public TimeSpan IndexingTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>True deletes the collection when the store is disposed (tests and throw-away runs).</summary>
    public bool DeleteOnDispose { get; init; }
}
