namespace Nvf.Qdrant;

/// <summary>One page of POST /collections/{name}/points/scroll.</summary>
/// <param name="Points">The points of this page, in id order.</param>
/// <param name="NextPageOffset">The id to pass as offset for the next page; null on the last page.</param>
public sealed record QdrantScrollPage(IReadOnlyList<QdrantRecord> Points, ulong? NextPageOffset);
