using System.Globalization;
using System.Text.Json;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;
using Nvf.Core.Retrieval;
using Nvf.Qdrant;

namespace Nvf.Core.Stores;

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
/// A Qdrant collection read once, page by page, and never held whole: every point is mapped to its payload row, its norm
/// joins the streamed statistics, it is compared with the run's payload row when one is given, and only the rows the checks
/// sample (the oracle queries, the eval targets' rows) keep their vectors. Memory is the sample and the id map, not the
/// collection (584,000 x 768 would be 1.8 GB).
/// </summary>
public sealed class QdrantCollectionSource
{
    private readonly Dictionary<ulong, long> rowOf;
    private readonly Dictionary<long, float[]> kept;

    private QdrantCollectionSource(QdrantCollectionSettings settings, int rows, int dimension, Dictionary<ulong, long> rowOf, Dictionary<long, float[]> kept, NormStatistics norms, long? differing, QdrantCollectionInfo info)
    {
        Settings = settings;
        Rows = rows;
        Dimension = dimension;
        this.rowOf = rowOf;
        this.kept = kept;
        Norms = norms;
        DifferingRows = differing;
        Info = info;
    }

    /// <summary>Where the collection is and how to search it.</summary>
    public QdrantCollectionSettings Settings { get; }

    /// <summary>How many payload rows the collection holds (one point each).</summary>
    public int Rows { get; }

    /// <summary>The vectors' width.</summary>
    public int Dimension { get; }

    /// <summary>The norms of every vector of the collection, streamed over the scroll.</summary>
    public NormStatistics Norms { get; }

    /// <summary>How many points differ from the run's payload row they name, or null when no payload was given to compare.</summary>
    public long? DifferingRows { get; }

    /// <summary>The collection's configuration as the server reports it.</summary>
    public QdrantCollectionInfo Info { get; }

    /// <summary>How the collection searches, as asked and as it runs.</summary>
    public string SearchMode => Info.SearchMode(Settings.Exact);

    /// <summary>One line for the report.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"Qdrant collection '{Settings.Collection}' at {Settings.Url}: {Rows:N0} x {Dimension}, {Info.Distance}, {Info.ShardNumber} shard(s) x {Info.ReplicationFactor} replica(s); asked {Settings.SearchAsked}; runs {SearchMode}");

    /// <summary>The collection's vector of payload row <paramref name="row"/>, which must be one of the rows asked to be kept.</summary>
    /// <param name="row">A sampled payload row.</param>
    public ReadOnlySpan<float> VectorOf(long row) =>
        kept.TryGetValue(row, out var vector) ? vector : throw new ArgumentOutOfRangeException(nameof(row), row, "this row's vector was not kept; expected one of the sampled rows given to ReadAsync");

    /// <summary>
    /// Reads the collection page by page: checks one point per payload row, streams the norms, compares each point with
    /// <paramref name="compareWith"/>'s row when given, and keeps the vectors of <paramref name="keep"/> only.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="settings">The collection.</param>
    /// <param name="rows">How many payload rows it should hold.</param>
    /// <param name="dimension">The payload's width.</param>
    /// <param name="keep">The rows whose vectors the checks need (oracle queries, eval targets).</param>
    /// <param name="compareWith">The run's payload, to count points that differ from their row; null to skip.</param>
    /// <param name="progress">Where the reading reports.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static async Task<QdrantCollectionSource> ReadAsync(QdrantClient client, QdrantCollectionSettings settings, int rows, int dimension, IReadOnlySet<long> keep, IVectorRows? compareWith = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        float[]? compareRow = null;
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(keep);
        var name = $"Qdrant collection '{settings.Collection}' at {settings.Url}";
        var info = await client.GetCollectionAsync(settings.Collection, cancellationToken).ConfigureAwait(false);
        if (info.Size != dimension)
            throw new ArtifactException($"{name}: vectors of size {info.Size}; expected {dimension}, the payload's width");
        var seen = new ulong?[rows];
        var map = new Dictionary<ulong, long>(rows);
        var kept = new Dictionary<long, float[]>(keep.Count);
        var norms = new NormStatistics.Accumulator();
        long read = 0, differing = 0;
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
            norms.Add(vector);
            if (compareWith is not null && !vector.AsSpan().SequenceEqual(Row(compareWith, (int)row, ref compareRow)))
                differing++;
            if (keep.Contains(row))
                kept[row] = vector;
            if (++read % 50_000 == 0 || clock.Elapsed.TotalSeconds > 2)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{name}: {read:N0} / {rows:N0} points read"));
                clock.Restart();
            }
        }

        var missing = Enumerable.Range(0, rows).Where(r => seen[r] is null).Take(5).ToList();
        if (missing.Count > 0)
            throw new ArtifactException($"{name}: {rows - read:N0} payload rows have no point (first: {string.Join(", ", missing)}); expected one point per row of the payload's {rows:N0}");
        return new QdrantCollectionSource(settings, rows, dimension, map, kept, norms.Result(), compareWith is null ? null : differing, info);
    }

    /// <summary>Searches the collection for <paramref name="queries"/> (top <paramref name="k"/>, batched) and returns the payload rows found, with the wall time.</summary>
    /// <param name="client">The client.</param>
    /// <param name="queries">The query vectors.</param>
    /// <param name="k">How many results per query.</param>
    /// <param name="progress">Where the searching reports.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
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

    // Row r of a payload held in memory or read in place, into a reused buffer.
    private static ReadOnlySpan<float> Row(IVectorRows rows, int r, ref float[]? buffer)
    {
        if (rows is VectorSet set)
            return set.Row(r);
        buffer ??= new float[rows.Dimension];
        rows.CopyRow(r, buffer);
        return buffer;
    }
}
