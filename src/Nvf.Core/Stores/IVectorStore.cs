using Nvf.Core.Data;

namespace Nvf.Core.Stores;

/// <summary>
/// A vector database NVF can learn from: FAISS in-process or Qdrant over REST, with one contract.
/// Ids are int64 >= 0; vectors are float32 rows of a <see cref="VectorSet"/>; scores follow
/// <see cref="VectorMetric"/> (cosine similarity, inner product, or Euclidean distance, never
/// squared) whatever the engine reports natively.
/// </summary>
public interface IVectorStore : IAsyncDisposable
{
    /// <summary>Creates an empty store for vectors of <paramref name="dimension"/> floats, replacing any earlier content.</summary>
    Task CreateAsync(int dimension, VectorMetric metric, CancellationToken cancellationToken = default);

    /// <summary>Stores row i of <paramref name="vectors"/> (shape (N, dimension)) under <paramref name="ids"/>[i] (N ids, each >= 0).</summary>
    Task UpsertAsync(IReadOnlyList<long> ids, VectorSet vectors, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="k"/> closest stored vectors for each row of <paramref name="queries"/> (shape (Q, dimension)).</summary>
    Task<StoreSearchResult> SearchAsync(VectorSet queries, int k, CancellationToken cancellationToken = default);

    /// <summary>Number of stored vectors.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Engine, metric, dimension and settings, for reports.</summary>
    StoreDescription Describe();
}
