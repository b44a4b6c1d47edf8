namespace Nvf.Qdrant.Testing;

/// <summary>A request as <see cref="QdrantRestDouble"/> received it.</summary>
/// <param name="Method">HTTP method, e.g. "PUT".</param>
/// <param name="Path">Path and query without the leading slash, e.g. "collections/c/points?wait=true".</param>
/// <param name="Body">Request body bytes (empty when none).</param>
/// <param name="ApiKey">The api-key header value, or null when absent.</param>
public sealed record RecordedRequest(string Method, string Path, byte[] Body, string? ApiKey)
{
    /// <summary>The path without its query string.</summary>
    public string Route => Path.Split('?')[0];
}
