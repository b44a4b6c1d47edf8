namespace Nvf.Core.Stores;

/// <summary>
/// How an <see cref="IVectorStore"/> ranks, and the unit of its scores. Every store reports the
/// same units whatever its engine does inside (see each member).
/// </summary>
public enum VectorMetric
{
    /// <summary>
    /// Cosine similarity in [-1, 1], higher is closer. Stores normalize vectors and queries to unit
    /// length (Qdrant's Cosine; FAISS inner product on normalized vectors).
    /// </summary>
    Cosine,

    /// <summary>Inner product, higher is closer; vectors are used as given (Qdrant's Dot, FAISS IndexFlatIP).</summary>
    InnerProduct,

    /// <summary>
    /// Euclidean distance (not squared), lower is closer. Qdrant's Euclid reports this directly;
    /// FAISS's IndexFlatL2 reports its square, which the FAISS store turns into the distance.
    /// </summary>
    Euclidean,
}
