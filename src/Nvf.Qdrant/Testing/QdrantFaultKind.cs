namespace Nvf.Qdrant.Testing;

/// <summary>What an injected <see cref="QdrantFault"/> does to a request.</summary>
public enum QdrantFaultKind
{
    /// <summary>Answer with a given HTTP status and Qdrant-style error body instead of serving the request.</summary>
    Status,

    /// <summary>Wait before serving the request normally (a slow server).</summary>
    Delay,

    /// <summary>Fail as a refused TCP connection would (HttpRequestException wrapping a SocketException).</summary>
    Refuse,
}
