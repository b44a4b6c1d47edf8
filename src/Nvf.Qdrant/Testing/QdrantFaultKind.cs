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

    /// <summary>Serve the request (its effect happens) and then lose the answer, as a timeout after the server acted.</summary>
    ServeThenDrop,

    /// <summary>Serve an upsert but answer it with a given update status (e.g. 1.19's "wait_timeout").</summary>
    UpdateStatus,
}
