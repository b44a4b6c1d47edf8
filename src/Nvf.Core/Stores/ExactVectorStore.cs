using Nvf.Core.Data;

namespace Nvf.Core.Stores;

/// <summary>
/// A managed brute-force <see cref="IVectorStore"/>: scores every stored vector in float64 with
/// <see cref="VectorScores.Exact"/>, ties to the smaller id. Slow (O(N d) per query) but needs no
/// native library or server: the reference the other stores are compared with in tests.
/// Upserts overwrite by id.
/// </summary>
public sealed class ExactVectorStore : IVectorStore
{
    private readonly SortedDictionary<long, float[]> _vectors = new();
    private int _dimension;
    private VectorMetric _metric;

    /// <inheritdoc />
    public Task CreateAsync(int dimension, VectorMetric metric, CancellationToken cancellationToken = default)
    {
        StoreArguments.Dimension(dimension);
        VectorScores.HigherIsCloser(metric);
        _vectors.Clear();
        _dimension = dimension;
        _metric = metric;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<long> ids, VectorSet vectors, CancellationToken cancellationToken = default)
    {
        StoreArguments.Created(_dimension, "exact");
        StoreArguments.Upsert(ids, vectors, _dimension);
        for (int i = 0; i < ids.Count; i++)
            _vectors[ids[i]] = vectors.Row(i).ToArray();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StoreSearchResult> SearchAsync(VectorSet queries, int k, CancellationToken cancellationToken = default)
    {
        StoreArguments.Created(_dimension, "exact");
        StoreArguments.Search(queries, k, _dimension);
        var ids = new long[(long)queries.Count * k];
        var scores = new float[ids.Length];
        Array.Fill(ids, -1L);
        Array.Fill(scores, float.NaN);
        bool higher = VectorScores.HigherIsCloser(_metric);
        for (int q = 0; q < queries.Count; q++)
        {
            var query = queries.Row(q).ToArray();
            var ranked = _vectors
                .Select(p => (Id: p.Key, Score: VectorScores.Exact(_metric, query, p.Value)))
                .OrderBy(p => higher ? -p.Score : p.Score)
                .ThenBy(p => p.Id)
                .Take(k);
            int r = 0;
            foreach (var (id, score) in ranked)
            {
                ids[q * k + r] = id;
                scores[q * k + r] = (float)score;
                r++;
            }
        }
        return Task.FromResult(new StoreSearchResult(ids, scores, queries.Count, k, _metric));
    }

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        StoreArguments.Created(_dimension, "exact");
        return Task.FromResult((long)_vectors.Count);
    }

    /// <inheritdoc />
    public StoreDescription Describe() =>
        new("exact-managed", _dimension, _metric, Exact: true, new Dictionary<string, string> { ["arithmetic"] = "float64" });

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
