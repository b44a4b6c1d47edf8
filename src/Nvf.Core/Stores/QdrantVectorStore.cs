using System.Globalization;
using Nvf.Core.Data;
using Nvf.Qdrant;

namespace Nvf.Core.Stores;

/// <summary>
/// An <see cref="IVectorStore"/> over one Qdrant collection through <see cref="QdrantClient"/>.
/// Qdrant's scores are already in <see cref="VectorMetric"/>'s units (Cosine similarity, Dot,
/// Euclid distance), so they pass through unchanged. Upserts overwrite by id; ids are unsigned
/// in Qdrant and int64 >= 0 here.
/// </summary>
public sealed class QdrantVectorStore : IVectorStore
{
    private readonly QdrantClient _client;
    private readonly bool _ownsClient;
    private int _dimension;
    private VectorMetric _metric;

    /// <summary>A store over <paramref name="collection"/>; disposes <paramref name="client"/> only when <paramref name="ownsClient"/>.</summary>
    public QdrantVectorStore(QdrantClient client, string collection, QdrantStoreOptions? options = null, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        _client = client;
        _ownsClient = ownsClient;
        Collection = collection;
        Options = options ?? new QdrantStoreOptions();
    }

    /// <summary>The Qdrant collection name.</summary>
    public string Collection { get; }

    /// <summary>Collection and search settings.</summary>
    public QdrantStoreOptions Options { get; }

    /// <summary>Deletes any collection of that name, then creates it with the dimension, metric and HNSW settings.</summary>
    public async Task CreateAsync(int dimension, VectorMetric metric, CancellationToken cancellationToken = default)
    {
        StoreArguments.Dimension(dimension);
        await _client.DeleteCollectionAsync(Collection, cancellationToken).ConfigureAwait(false);
        var spec = new QdrantCollectionSpec(dimension, ToDistance(metric), Options.HnswM, Options.HnswEfConstruct)
        {
            IndexingThresholdKb = Options.IndexingThresholdKb,
            FullScanThresholdKb = Options.FullScanThresholdKb,
        };
        await _client.CreateCollectionAsync(Collection, spec, cancellationToken).ConfigureAwait(false);
        _dimension = dimension;
        _metric = metric;
    }

    /// <summary>Attaches to an existing collection, reading its dimension and metric from the server.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        var info = await _client.GetCollectionAsync(Collection, cancellationToken).ConfigureAwait(false);
        _dimension = info.Size;
        _metric = info.Distance switch
        {
            QdrantDistance.Cosine => VectorMetric.Cosine,
            QdrantDistance.Dot => VectorMetric.InnerProduct,
            _ => VectorMetric.Euclidean,
        };
    }

    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyList<long> ids, VectorSet vectors, CancellationToken cancellationToken = default)
    {
        StoreArguments.Created(_dimension, "Qdrant");
        StoreArguments.Upsert(ids, vectors, _dimension);
        int d = _dimension;
        // Rows are sliced, not copied: the client serializes one point at a time.
        var points = Enumerable.Range(0, vectors.Count).Select(i => new QdrantPoint((ulong)ids[i], vectors.Data.AsMemory(i * d, d)));
        await _client.UpsertAsync(Collection, points, cancellationToken).ConfigureAwait(false);
        // Searches must not race the optimizer: an HNSW search waits until the collection is green and, above its
        // indexing threshold, indexed; the answer says which search will really run.
        _info = Options.Exact
            ? await _client.GetCollectionAsync(Collection, cancellationToken).ConfigureAwait(false)
            : await _client.WaitForIndexingAsync(Collection, Options.IndexingTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private QdrantCollectionInfo? _info;

    /// <inheritdoc />
    public async Task<StoreSearchResult> SearchAsync(VectorSet queries, int k, CancellationToken cancellationToken = default)
    {
        StoreArguments.Created(_dimension, "Qdrant");
        StoreArguments.Search(queries, k, _dimension);
        int d = _dimension;
        var requests = Enumerable.Range(0, queries.Count)
            .Select(q => new QdrantQuery(queries.Data.AsMemory(q * d, d), k, Options.Exact, Options.Exact ? null : Options.HnswEf))
            .ToList();
        var answers = await _client.QueryBatchAsync(Collection, requests, cancellationToken).ConfigureAwait(false);
        var ids = new long[(long)queries.Count * k];
        var scores = new float[ids.Length];
        Array.Fill(ids, -1L);
        Array.Fill(scores, float.NaN);
        for (int q = 0; q < answers.Count; q++)
        {
            var hits = answers[q];
            if (hits.Count > k)
                throw new InvalidOperationException($"Qdrant returned {hits.Count} hits for query {q}; asked for at most {k}");
            for (int r = 0; r < hits.Count; r++)
            {
                ids[q * k + r] = hits[r].Id <= long.MaxValue
                    ? (long)hits[r].Id
                    : throw new InvalidOperationException($"Qdrant returned id {hits[r].Id}, beyond int64; this store writes ids <= {long.MaxValue}");
                scores[q * k + r] = hits[r].Score;
            }
        }
        return new StoreSearchResult(ids, scores, queries.Count, k, _metric);
    }

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        StoreArguments.Created(_dimension, "Qdrant");
        return _client.CountAsync(Collection, exact: true, cancellationToken);
    }

    /// <inheritdoc />
    public StoreDescription Describe()
    {
        var settings = new Dictionary<string, string>
        {
            ["url"] = _client.Options.BaseAddress.ToString(),
            ["collection"] = Collection,
            ["search"] = _info?.SearchMode(Options.Exact) ?? (Options.Exact ? "exact (full scan)" : "hnsw (nothing written yet)"),
        };
        if (!Options.Exact && Options.HnswEf is int ef)
            settings["hnsw_ef"] = ef.ToString(CultureInfo.InvariantCulture);
        if (Options.HnswM is int m)
            settings["hnsw_m"] = m.ToString(CultureInfo.InvariantCulture);
        if (Options.HnswEfConstruct is int efc)
            settings["hnsw_ef_construct"] = efc.ToString(CultureInfo.InvariantCulture);
        return new StoreDescription("qdrant", _dimension, _metric, Options.Exact, settings);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Options.DeleteOnDispose && _dimension > 0)
                await _client.DeleteCollectionAsync(Collection).ConfigureAwait(false);
        }
        finally
        {
            if (_ownsClient)
                _client.Dispose();
        }
    }

    private static QdrantDistance ToDistance(VectorMetric metric) => metric switch
    {
        VectorMetric.Cosine => QdrantDistance.Cosine,
        VectorMetric.InnerProduct => QdrantDistance.Dot,
        VectorMetric.Euclidean => QdrantDistance.Euclid,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "expected Cosine, InnerProduct or Euclidean"),
    };
}
