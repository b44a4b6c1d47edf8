using System.Globalization;
using System.Text.Json;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Qdrant;

namespace Nvf.Core.InfoNce;

/// <summary>
/// A researcher's existing Qdrant collection holding the payload: where it is (NVF_QDRANT_URL, NVF_QDRANT_API_KEY,
/// NVF_QDRANT_COLLECTION), which payload field names each point's payload row (NVF_QDRANT_ROW_FIELD, default "row"),
/// how to search it (NVF_QDRANT_SEARCH exact | hnsw, NVF_QDRANT_HNSW_EF) and read consistency in a cluster
/// (NVF_QDRANT_CONSISTENCY: a replica count, majority, quorum or all).
/// </summary>
/// <param name="Url">The REST endpoint.</param>
/// <param name="ApiKey">The api-key, or null.</param>
/// <param name="Collection">The collection.</param>
/// <param name="RowField">The payload field holding each point's payload row.</param>
/// <param name="Exact">True searches by full scan; false lets Qdrant use HNSW where the collection has an index.</param>
/// <param name="HnswEf">Search-time beam width when not exact, or null for the server's.</param>
/// <param name="ReadConsistency">Read consistency in a cluster, or null.</param>
public sealed record QdrantCollectionSettings(Uri Url, string? ApiKey, string Collection, string RowField, bool Exact, int? HnswEf, string? ReadConsistency)
{
    /// <summary>The collection's name.</summary>
    public const string CollectionVariable = "NVF_QDRANT_COLLECTION";

    /// <summary>Every variable <see cref="FromEnvironment"/> reads.</summary>
    public static IReadOnlyList<string> Variables => [CollectionVariable, "NVF_QDRANT_URL", "NVF_QDRANT_API_KEY", RowFieldVariable, SearchVariable, EfVariable, ConsistencyVariable];

    /// <summary>The payload field naming each point's payload row.</summary>
    public const string RowFieldVariable = "NVF_QDRANT_ROW_FIELD";

    /// <summary>exact or hnsw.</summary>
    public const string SearchVariable = "NVF_QDRANT_SEARCH";

    /// <summary>hnsw_ef for HNSW searches.</summary>
    public const string EfVariable = "NVF_QDRANT_HNSW_EF";

    /// <summary>Read consistency.</summary>
    public const string ConsistencyVariable = "NVF_QDRANT_CONSISTENCY";

    /// <summary>"exact (full scan)" or "HNSW, hnsw_ef 128": the search asked for (the collection decides what runs).</summary>
    public string SearchAsked => Exact ? "exact (full scan)" : HnswEf is int ef ? $"HNSW, hnsw_ef {ef}" : "HNSW, the server's hnsw_ef";

    /// <summary>Client options for this collection.</summary>
    public QdrantClientOptions ClientOptions() => new(Url) { ApiKey = ApiKey, ReadConsistency = ReadConsistency, RequestTimeout = TimeSpan.FromSeconds(120), MaxQueriesPerBatch = 256 };

    /// <summary>The settings the variables give, or null when NVF_QDRANT_COLLECTION is unset; throws <see cref="ArtifactException"/> naming the variable at fault.</summary>
    public static QdrantCollectionSettings? FromEnvironment(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => variable(name) is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (Get(CollectionVariable) is not { } collection)
            return null;
        if (Get("NVF_QDRANT_URL") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArtifactException($"{CollectionVariable} is '{collection}' but NVF_QDRANT_URL is '{Get("NVF_QDRANT_URL") ?? ""}'; expected the collection's server as http(s)://host:6333");
        try
        {
            QdrantClient.ValidateCollectionName(collection);
        }
        catch (ArgumentException e)
        {
            throw new ArtifactException($"{CollectionVariable}: {e.Message.Split(" (Parameter")[0]}", e);
        }

        var search = Get(SearchVariable) ?? "exact";
        if (search is not ("exact" or "hnsw"))
            throw new ArtifactException($"{SearchVariable} is '{search}'; expected exact or hnsw");
        int? ef = null;
        if (Get(EfVariable) is { } efText)
            ef = int.TryParse(efText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1 ? parsed : throw new ArtifactException($"{EfVariable} is '{efText}'; expected an integer >= 1");
        var settings = new QdrantCollectionSettings(uri, Get("NVF_QDRANT_API_KEY"), collection, Get(RowFieldVariable) ?? "row", search == "exact", ef, Get(ConsistencyVariable));
        try
        {
            settings.ClientOptions().Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArtifactException($"{ConsistencyVariable}: {e.Message.Split(" (Parameter")[0]}", e);
        }

        return settings;
    }
}

/// <summary>
/// The payload as a Qdrant collection holds it: every point read back by scroll (with vectors), its payload row taken
/// from the payload field the settings name, and searches mapped from point ids back to payload rows, so the InfoNCE
/// plumbing checks and R@5 run on the collection as they run on a FAISS index.
/// </summary>
public sealed class QdrantCollectionSource
{
    private readonly Dictionary<ulong, long> rowOf;

    private QdrantCollectionSource(QdrantCollectionSettings settings, VectorSet payload, Dictionary<ulong, long> rowOf, QdrantCollectionInfo info)
    {
        Settings = settings;
        Payload = payload;
        this.rowOf = rowOf;
        Info = info;
    }

    /// <summary>Where it was read from.</summary>
    public QdrantCollectionSettings Settings { get; }

    /// <summary>The vectors in payload-row order.</summary>
    public VectorSet Payload { get; }

    /// <summary>What the server said of the collection.</summary>
    public QdrantCollectionInfo Info { get; }

    /// <summary>What runs for a nearest-neighbour query, in words (exact, or why a "HNSW" search is a full scan).</summary>
    public string SearchMode => Info.SearchMode(Settings.Exact);

    /// <summary>"collection 'payload' at http://…: 584,000 x 768, Cosine, 2 shards x 2 replicas; search exact (full scan)".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"Qdrant collection '{Settings.Collection}' at {Settings.Url}: {Payload.Count:N0} x {Payload.Dimension}, {Info.Distance}, {Info.ShardNumber} shard(s) x {Info.ReplicationFactor} replica(s); asked {Settings.SearchAsked}; runs {SearchMode}");

    /// <summary>
    /// Scrolls the whole collection and places each point's vector at its payload row; every problem (a size that is
    /// not <paramref name="dimension"/>, a point without an integer row field, a row outside [0, <paramref name="rows"/>),
    /// two points on one row, rows no point names) is an <see cref="ArtifactException"/> naming the collection, the
    /// point and the field.
    /// </summary>
    public static async Task<QdrantCollectionSource> ReadAsync(QdrantClient client, QdrantCollectionSettings settings, int rows, int dimension, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        var name = $"Qdrant collection '{settings.Collection}' at {settings.Url}";
        var info = await client.GetCollectionAsync(settings.Collection, cancellationToken).ConfigureAwait(false);
        if (info.Size != dimension)
            throw new ArtifactException($"{name}: vectors of size {info.Size}; expected {dimension}, the payload's width");
        var data = new float[(long)rows * dimension];
        var seen = new ulong?[rows];
        var map = new Dictionary<ulong, long>(rows);
        long read = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await foreach (var point in client.ScrollAllAsync(settings.Collection, 1000, withVectors: true, withPayload: true, cancellationToken).ConfigureAwait(false))
        {
            if (point.Payload?[settings.RowField] is not { } field || field.GetValueKind() != JsonValueKind.Number || !long.TryParse(field.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var row))
                throw new ArtifactException($"{name}: point {point.Id} has no integer payload field '{settings.RowField}' ({RowFieldHelp(settings)})");
            if (row < 0 || row >= rows)
                throw new ArtifactException($"{name}: point {point.Id} names payload row {row} in '{settings.RowField}'; expected a row in [0, {rows})");
            if (seen[row] is { } other)
                throw new ArtifactException($"{name}: points {other} and {point.Id} both name payload row {row} in '{settings.RowField}'; expected one point per row");
            if (point.Vector is not { } vector || vector.Length != dimension)
                throw new ArtifactException($"{name}: point {point.Id} came back with {point.Vector?.Length ?? 0} vector values; expected {dimension}");
            seen[row] = point.Id;
            map[point.Id] = row;
            vector.CopyTo(data.AsSpan((int)(row * dimension), dimension));
            if (++read % 50_000 == 0 || clock.Elapsed.TotalSeconds > 2)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{name}: {read:N0} / {rows:N0} points read"));
                clock.Restart();
            }
        }

        var missing = Enumerable.Range(0, rows).Where(r => seen[r] is null).Take(5).ToList();
        if (missing.Count > 0)
            throw new ArtifactException($"{name}: {rows - read:N0} payload rows have no point (first: {string.Join(", ", missing)}); expected one point per row of the payload's {rows:N0}");
        return new QdrantCollectionSource(settings, new VectorSet(data, rows, dimension), map, info);
    }

    /// <summary>Searches the collection for <paramref name="queries"/>, top <paramref name="k"/>, as payload rows (-1 where fewer came back).</summary>
    public async Task<(long[] Rows, double Seconds)> SearchAsync(QdrantClient client, VectorSet queries, int k, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(queries);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = new long[(long)queries.Count * k];
        Array.Fill(rows, -1L);
        const int chunk = 1024;
        var d = queries.Dimension;
        for (var start = 0; start < queries.Count; start += chunk)
        {
            var count = Math.Min(chunk, queries.Count - start);
            var batch = Enumerable.Range(start, count).Select(q => new QdrantQuery(queries.Data.AsMemory(q * d, d), k, Settings.Exact, Settings.Exact ? null : Settings.HnswEf)).ToList();
            var answers = await client.QueryBatchAsync(Settings.Collection, batch, cancellationToken).ConfigureAwait(false);
            for (var q = 0; q < answers.Count; q++)
            {
                for (var r = 0; r < Math.Min(k, answers[q].Count); r++)
                {
                    rows[((long)(start + q) * k) + r] = rowOf.TryGetValue(answers[q][r].Id, out var row)
                        ? row
                        : throw new ArtifactException($"Qdrant collection '{Settings.Collection}' returned point {answers[q][r].Id}, which the scroll did not list: the collection changed while the gate read it");
                }
            }

            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Qdrant collection '{Settings.Collection}': {start + count:N0} / {queries.Count:N0} queries"));
        }

        return (rows, clock.Elapsed.TotalSeconds);
    }

    private static string RowFieldHelp(QdrantCollectionSettings settings) =>
        settings.RowField == "row" ? $"set {QdrantCollectionSettings.RowFieldVariable} to the field that holds the payload row" : $"{QdrantCollectionSettings.RowFieldVariable} names it";
}
