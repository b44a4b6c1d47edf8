namespace Nvf.Qdrant;

/// <summary>Qdrant's write ordering guarantee for an update (query parameter <c>ordering</c>).</summary>
public enum QdrantWriteOrdering
{
    /// <summary>Writes may be reordered; fastest; the server's default.</summary>
    Weak,

    /// <summary>Writes go through a dynamically selected leader; briefly inconsistent on a leader change.</summary>
    Medium,

    /// <summary>Writes go through the permanent leader: consistent, unavailable while that leader is down.</summary>
    Strong,
}
