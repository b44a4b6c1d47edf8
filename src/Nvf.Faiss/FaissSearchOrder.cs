namespace Nvf.Faiss;

/// <summary>
/// How a search reads an IVF index's inverted lists. Both orders make the same search (FAISS's coarse assignment, the
/// same nprobe lists per query, the k best by inner product, FAISS's heap and admission rule); they differ in memory
/// traffic and in float rounding of the scores (a matrix product against FAISS's vector kernel: the tests hold the two to
/// 1e-5 and to the same top 5).
/// </summary>
public enum FaissSearchOrder
{
    /// <summary>List-major for an IVF-Flat inner-product index and a batch of at least <see cref="FaissIndex.ListMajorMinimumQueries"/> queries; query-major otherwise.</summary>
    Automatic,

    /// <summary>FAISS's own search: query by query, each query reading its nprobe lists (bound by memory bandwidth on large batches).</summary>
    QueryMajor,

    /// <summary>
    /// List by list: each list read once and scored against every query that probes it with one BLAS matrix product
    /// (5,244 queries at nprobe 64 over the seed's 584,000 x 768 index: ~196 GB of list reads query-major, 1.8 GB here).
    /// Only for an IVF-Flat index with the inner-product metric.
    /// </summary>
    ListMajor,
}
