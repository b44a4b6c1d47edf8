using Nvf.Core.Data;
using Nvf.Core.Stores;

namespace Nvf.Core.Tests.Teacher;

/// <summary>
/// A test double of a store that answers differently from exact search: it searches an exact store
/// with each query negated, so its top-1 is the row farthest from the query. NVF trained from its
/// log must learn its answers, not the generator's nearest neighbours.
/// </summary>
sealed class NegatedQueryStore : IVectorStore
{
    readonly ExactVectorStore inner = new();

    public Task CreateAsync(int dimension, VectorMetric metric, CancellationToken cancellationToken = default) => inner.CreateAsync(dimension, metric, cancellationToken);

    public Task UpsertAsync(IReadOnlyList<long> ids, VectorSet vectors, CancellationToken cancellationToken = default) => inner.UpsertAsync(ids, vectors, cancellationToken);

    public Task<StoreSearchResult> SearchAsync(VectorSet queries, int k, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(new VectorSet(queries.Data.Select(x => -x).ToArray(), queries.Count, queries.Dimension), k, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);

    public StoreDescription Describe() => inner.Describe() with { Kind = "negated-query double" };

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
