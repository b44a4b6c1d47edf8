namespace Nvf.Qdrant;

/// <summary>
/// The similarity a Qdrant collection ranks by, and what its scores mean.
/// </summary>
public enum QdrantDistance
{
    /// <summary>
    /// Cosine similarity in [-1, 1], higher is closer. Qdrant normalizes stored vectors and
    /// queries to unit length, so a stored vector read back is its unit-length version.
    /// </summary>
    Cosine,

    /// <summary>Inner product, higher is closer; vectors are stored as given.</summary>
    Dot,

    /// <summary>
    /// Euclidean distance, lower is closer. Qdrant reports the distance itself, not its square
    /// (FAISS's IndexFlatL2 reports the square).
    /// </summary>
    Euclid,
}
