using System.Globalization;
using Nvf.Core.Data;
using Nvf.Faiss;

namespace Nvf.Core.Stores;

/// <summary>
/// An <see cref="IVectorStore"/> on an in-process exact FAISS index (IndexIDMap over IndexFlat).
/// Cosine = inner product on unit-normalized copies of vectors and queries; Euclidean scores are
/// converted from FAISS's squared L2 to the distance. FAISS flat indexes cannot overwrite an id,
/// so this store is append-only: upserting an id already present throws.
/// </summary>
public sealed class FaissVectorStore : IVectorStore
{
    private readonly HashSet<long> _ids = [];
    private FaissIndex? _index;
    private int _dimension;
    private VectorMetric _metric;

    /// <inheritdoc />
    public Task CreateAsync(int dimension, VectorMetric metric, CancellationToken cancellationToken = default)
    {
        StoreArguments.Dimension(dimension);
        var faissMetric = metric switch
        {
            VectorMetric.Cosine or VectorMetric.InnerProduct => FaissMetric.InnerProduct,
            VectorMetric.Euclidean => FaissMetric.L2,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "expected Cosine, InnerProduct or Euclidean"),
        };
        var index = FaissIndex.WithIds(FaissIndex.CreateFlat(dimension, faissMetric));
        _index?.Dispose();
        _index = index;
        _ids.Clear();
        _dimension = dimension;
        _metric = metric;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<long> ids, VectorSet vectors, CancellationToken cancellationToken = default)
    {
        var index = Index();
        StoreArguments.Upsert(ids, vectors, _dimension);
        var fresh = new HashSet<long>();
        for (int i = 0; i < ids.Count; i++)
        {
            if (_ids.Contains(ids[i]) || !fresh.Add(ids[i]))
                throw new ArgumentException($"id {ids[i]} (row {i}) is already stored or repeated; the FAISS flat store is append-only and cannot overwrite ids", nameof(ids));
        }
        float[] data = _metric == VectorMetric.Cosine ? StoreArguments.UnitRows(vectors) : vectors.Data;
        index.Add(data, _dimension, ids.ToArray());
        _ids.UnionWith(fresh);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StoreSearchResult> SearchAsync(VectorSet queries, int k, CancellationToken cancellationToken = default)
    {
        var index = Index();
        StoreArguments.Search(queries, k, _dimension);
        var ids = new long[(long)queries.Count * k];
        var scores = new float[ids.Length];
        // FAISS refuses to search an empty index; an empty store simply finds nothing.
        if (_ids.Count == 0 || queries.Count == 0)
        {
            Array.Fill(ids, -1L);
            Array.Fill(scores, float.NaN);
            return Task.FromResult(new StoreSearchResult(ids, scores, queries.Count, k, _metric));
        }
        float[] data = _metric == VectorMetric.Cosine ? StoreArguments.UnitRows(queries) : queries.Data;
        var found = index.Search(data, _dimension, k);
        found.Ids.CopyTo(ids, 0);
        for (int i = 0; i < scores.Length; i++)
            scores[i] = _metric == VectorMetric.Euclidean ? VectorScores.DistanceFromSquared(found.Scores[i]) : found.Scores[i];
        return Task.FromResult(new StoreSearchResult(ids, scores, queries.Count, k, _metric));
    }

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(Index().Count);

    /// <inheritdoc />
    public StoreDescription Describe() => new("faiss-flat", _dimension, _metric, Exact: true, new Dictionary<string, string>
    {
        ["index"] = "IDMap,Flat",
        ["faiss_metric"] = _metric == VectorMetric.Euclidean ? "L2 (squared; reported as distance)" : "InnerProduct",
        ["normalized"] = (_metric == VectorMetric.Cosine).ToString(CultureInfo.InvariantCulture),
    });

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _index?.Dispose();
        _index = null;
        return ValueTask.CompletedTask;
    }

    private FaissIndex Index()
    {
        StoreArguments.Created(_dimension, "FAISS");
        return _index!;
    }
}
