namespace Nvf.Qdrant;

/// <summary>What a completed upsert sent.</summary>
/// <param name="Points">Points written.</param>
/// <param name="Batches">HTTP requests used.</param>
/// <param name="LargestRequestBytes">Size of the largest request body, bytes of UTF-8 JSON.</param>
/// <param name="TotalRequestBytes">Sum of all request bodies, bytes.</param>
public sealed record QdrantUpsertReport(long Points, int Batches, int LargestRequestBytes, long TotalRequestBytes);
