namespace Nvf.Qdrant;

/// <summary>
/// An upsert that failed part-way. Batches before <see cref="BatchIndex"/> were acknowledged by
/// the server (written with wait=true); the failed batch may or may not be partly applied; no
/// later batch was sent. Upserts are idempotent per id, so sending the whole set again is safe.
/// </summary>
public sealed class QdrantUpsertException : QdrantException
{
    internal QdrantUpsertException(string collection, int batchIndex, ulong firstId, ulong lastId, int pointsInBatch,
        long pointsWrittenBefore, QdrantException cause)
        : base(
            $"upsert into collection '{collection}' failed at batch {batchIndex} (ids {firstId}..{lastId}, {pointsInBatch} points); " +
            $"{pointsWrittenBefore} points in {batchIndex} earlier batches were written; no later batch was sent. Cause: {cause.Message}",
            cause.Operation, cause.StatusCode, cause.ServerError, cause.Attempts, cause)
    {
        Collection = collection;
        BatchIndex = batchIndex;
        FirstId = firstId;
        LastId = lastId;
        PointsInBatch = pointsInBatch;
        PointsWrittenBefore = pointsWrittenBefore;
    }

    /// <summary>The collection being written.</summary>
    public string Collection { get; }

    /// <summary>Zero-based index of the failed batch (request); also the number of batches written before it.</summary>
    public int BatchIndex { get; }

    /// <summary>Id of the first point in the failed batch.</summary>
    public ulong FirstId { get; }

    /// <summary>Id of the last point in the failed batch.</summary>
    public ulong LastId { get; }

    /// <summary>Points in the failed batch.</summary>
    public int PointsInBatch { get; }

    /// <summary>Points acknowledged before the failed batch.</summary>
    public long PointsWrittenBefore { get; }
}
