using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Qdrant.Tests.Contract;

/// <summary>
/// Every request the client can send, and every answer the double can give, checked against Qdrant's published
/// OpenAPI documents for v1.12 and v1.19 as closed schemas (an unknown or misspelt field fails). Each check has a
/// negative control: the same message with one field misspelt, mistyped or missing must fail it. Skipped, naming
/// the path, where ../shared/qdrant is absent.
/// </summary>
public sealed class ContractTests
{
    /// <summary>A theory that skips, naming the folder, where Qdrant's published documents are absent.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    sealed class QdrantContractTheoryAttribute : TheoryAttribute
    {
        public QdrantContractTheoryAttribute()
        {
            if (!Directory.Exists(OpenApiDocument.Folder))
                Skip = $"Qdrant's published API documents are absent: {OpenApiDocument.Folder} (they live beside the project in this workplace)";
        }
    }

    /// <summary>A request and the answer the double gave it.</summary>
    sealed record Exchange(string Method, string Path, JsonNode? Body, int Status, string? ContentType, string Answer);

    /// <summary>Records every exchange on its way through to the double.</summary>
    sealed class Recorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public List<Exchange> Exchanges { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            var response = await base.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            lock (Exchanges)
                Exchanges.Add(new Exchange(request.Method.Method, request.RequestUri!.PathAndQuery.TrimStart('/'), body, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, answer));
            return response;
        }
    }

    public static TheoryData<string> Versions => new() { "1.12", "1.19" };

    static OpenApiDocument Document(string version) =>
        OpenApiDocument.Load(version) ?? throw new FileNotFoundException($"Qdrant's OpenAPI document is absent: {Path.Combine(OpenApiDocument.Folder, $"openapi-v{version}.json")}");

    // Drives every call of the client (with every optional setting on) and every answer kind of the double.
    static async Task<List<Exchange>> Session()
    {
        using var server = new QdrantRestDouble(apiKey: "k", maxRequestBytes: 64 * 1024) { OptimizingReads = 1 };
        var recorder = new Recorder(server);
        var options = new QdrantClientOptions(QdrantRestDouble.BaseAddress)
        {
            ApiKey = "k", Ordering = QdrantWriteOrdering.Medium, ReadConsistency = "2", ServerTimeoutSeconds = 30, MaxRetries = 0, MaxRequestBytes = 64 * 1024,
        };
        using var client = new QdrantClient(options, recorder);
        var spec = new QdrantCollectionSpec(16, QdrantDistance.Cosine, HnswM: 8, HnswEfConstruct: 64)
        {
            ShardNumber = 3, ReplicationFactor = 2, WriteConsistencyFactor = 1, IndexingThresholdKb = 10, FullScanThresholdKb = 10,
        };
        await client.ProbeReadyAsync(TimeSpan.FromSeconds(5));
        await client.CollectionExistsAsync("c");
        await client.CreateCollectionAsync("c", spec);
        await client.CreateCollectionAsync("plain", new QdrantCollectionSpec(4, QdrantDistance.Euclid));
        var rows = TestVectors.Rows(200, 16);
        await client.UpsertAsync("c", rows.Select((r, i) => new QdrantPoint((ulong)i, r, new JsonObject { ["row"] = i })));
        await client.WaitForIndexingAsync("c", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(1));
        await client.QueryAsync("c", new QdrantQuery(rows[0], 5, HnswEf: 32, WithPayload: true));
        await client.QueryAsync("c", new QdrantQuery(rows[1], 5, Exact: true));
        await client.QueryBatchAsync("c", [new QdrantQuery(rows[2], 3), new QdrantQuery(rows[3], 3, Exact: true)]);
        await client.ScrollAsync("c", 50, 10, withVectors: true, withPayload: true);
        await client.ScrollAsync("c", 500);
        await client.CountAsync("c");
        await client.DeleteCollectionAsync("plain");
        // Error answers: unknown collection (404), existing collection (409), a refused name (422), an oversized body (400).
        await Fails(() => client.CountAsync("missing"));
        await Fails(() => client.CreateCollectionAsync("c", spec));
        using var http = new HttpClient(recorder, disposeHandler: false) { BaseAddress = QdrantRestDouble.BaseAddress };
        http.DefaultRequestHeaders.Add("api-key", "k");
        (await http.PutAsync("collections/a%3Ab", Json("{\"vectors\":{\"size\":2,\"distance\":\"Dot\"}}"))).Dispose();
        (await http.PostAsync("collections/c/points/count", Json("{\"exact\":true,\"pad\":\"" + new string('x', 70_000) + "\"}"))).Dispose();
        foreach (var open in new[] { "", "healthz", "livez" })
            (await http.GetAsync(open)).Dispose();
        using var keyless = new HttpClient(recorder, disposeHandler: false) { BaseAddress = QdrantRestDouble.BaseAddress };
        (await keyless.GetAsync("collections/c")).Dispose();
        return recorder.Exchanges;
    }

    static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    static async Task Fails(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (QdrantException)
        {
            // The answer is what the contract test reads.
        }
    }

    [QdrantContractTheory]
    [MemberData(nameof(Versions))]
    public async Task Every_request_the_client_sends_follows_the_published_API(string version)
    {
        var api = Document(version);
        var exchanges = await Session();

        var client = exchanges.Where(e => !e.Path.StartsWith("collections/a%3A", StringComparison.Ordinal) && !(e.Body?["pad"] is not null)).ToList();
        client.Should().HaveCountGreaterThan(15);
        foreach (var e in client)
            api.CheckRequest(e.Method, e.Path, e.Body).Should().BeEmpty($"{e.Method} /{e.Path} {e.Body?.ToJsonString()[..Math.Min(200, e.Body.ToJsonString().Length)]} against {api.Path}");
        client.Select(e => $"{e.Method} {e.Path.Split('?')[0]}").Should().Contain(["PUT collections/c", "PUT collections/c/points", "POST collections/c/points/query", "POST collections/c/points/query/batch", "POST collections/c/points/scroll", "POST collections/c/points/count", "GET collections/c", "GET collections/c/exists", "DELETE collections/plain", "GET readyz"]);
    }

    [QdrantContractTheory]
    [MemberData(nameof(Versions))]
    public async Task Every_answer_the_double_gives_follows_the_published_API(string version)
    {
        var api = Document(version);
        var exchanges = await Session();

        foreach (var e in exchanges.Where(e => e.Status != 401))
            api.CheckResponse(e.Method, e.Path, e.Status, e.ContentType, e.Answer).Should().BeEmpty($"{e.Method} /{e.Path} answered {e.Status} {e.ContentType} {e.Answer[..Math.Min(300, e.Answer.Length)]} against {api.Path}");
        exchanges.Select(e => e.Status).Should().Contain([200, 400, 404, 409, 422]);

        // The one known divergence: the document declares every 4XX as JSON, but Qdrant's authentication layer answers
        // 401 in plain text before any route runs, and the double models the server, not the document.
        var unauthorized = exchanges.Single(e => e.Status == 401);
        unauthorized.Answer.Should().Be("Must provide an API key or an Authorization bearer token");
        api.CheckResponse(unauthorized.Method, unauthorized.Path, 401, unauthorized.ContentType, unauthorized.Answer)
            .Should().Equal("content type 'text/plain' is not declared for status 401 (declared: application/json)");
    }

    [QdrantContractTheory]
    [MemberData(nameof(Versions))]
    public void Negative_controls_a_misspelt_mistyped_or_missing_field_fails_each_check(string version)
    {
        var api = Document(version);
        // Requests: a misspelt body field, a misspelt nested field, a wrong type, an undeclared query parameter, an enum value that does not exist.
        api.CheckRequest("PUT", "collections/c", JsonNode.Parse("""{"vectors":{"size":4,"distance":"Cosine"},"shard_numbr":2}""")).Should().ContainMatch("*'shard_numbr' is not in the schema*");
        api.CheckRequest("PUT", "collections/c", JsonNode.Parse("""{"vectors":{"size":4,"distance":"Cosine"},"hnsw_config":{"ef_construt":64}}""")).Should().ContainMatch("*'ef_construt' is not in the schema*");
        api.CheckRequest("PUT", "collections/c", JsonNode.Parse("""{"vectors":{"size":4,"distance":"Cosine"},"replication_factor":0}""")).Should().ContainMatch("*below the minimum*");
        api.CheckRequest("PUT", "collections/c", JsonNode.Parse("""{"vectors":{"size":4,"distance":"Cosinus"}}""")).Should().NotBeEmpty();
        api.CheckRequest("PUT", "collections/c/points?wait=true&orderin=strong", JsonNode.Parse("""{"points":[]}""")).Should().ContainMatch("*query parameter 'orderin' is not declared*");
        api.CheckRequest("PUT", "collections/c/points?ordering=fast", JsonNode.Parse("""{"points":[]}""")).Should().ContainMatch("*?ordering*");
        api.CheckRequest("POST", "collections/c/points/query", JsonNode.Parse("""{"query":[1,2],"limit":"5"}""")).Should().ContainMatch("*limit*");
        api.CheckRequest("POST", "collections/c/points/scroll", JsonNode.Parse("""{"limit":5,"with_vectors":true}""")).Should().ContainMatch("*'with_vectors' is not in the schema*");
        api.CheckRequest("POST", "collections/c/points/serch", JsonNode.Parse("{}")).Should().ContainMatch("*POST is not an operation of /collections/{collection_name}/points/{id}*");
        api.CheckRequest("POST", "colections/c/points/count", JsonNode.Parse("{}")).Should().ContainMatch("*no path of the API matches*");
        // Answers: a missing required field, a misspelt field, a status or content type the operation does not declare.
        var info = """{"result":{"status":"green","optimizer_status":"ok","segments_count":1,"payload_schema":{},"config":{"params":{"vectors":{"size":4,"distance":"Cosine"}},"hnsw_config":{"m":16,"ef_construct":100,"full_scan_threshold":10000},"optimizer_config":{"deleted_threshold":0.2,"vacuum_min_vector_number":1000,"default_segment_number":0,"flush_interval_sec":5},"wal_config":{"wal_capacity_mb":32,"wal_segments_ahead":0}}},"status":"ok","time":0}""";
        api.CheckResponse("GET", "collections/c", 200, "application/json", info).Should().BeEmpty("the control itself is valid");
        api.CheckResponse("GET", "collections/c", 200, "application/json", info.Replace("\"segments_count\":1,", "")).Should().ContainMatch("*required property 'segments_count' is missing*");
        api.CheckResponse("GET", "collections/c", 200, "application/json", info.Replace("points_count", "x").Replace("\"segments_count\"", "\"segment_count\"")).Should().ContainMatch("*'segment_count' is not in the schema*");
        api.CheckResponse("PUT", "collections/c/points", 200, "application/json", """{"result":{"operation_id":1,"status":"done"},"status":"ok","time":0}""").Should().ContainMatch("*status*");
        api.CheckResponse("GET", "readyz", 200, "application/json", "{}").Should().ContainMatch("*content type 'application/json' is not declared*");
        api.CheckResponse("GET", "healthz", 503, "text/plain", "down").Should().ContainMatch("*status 503 is not declared*");
    }

    [QdrantContractTheory]
    [MemberData(nameof(Versions))]
    public void The_thresholds_the_client_reasons_with_are_the_servers_defaults(string version)
    {
        _ = Document(version);
        var config = Path.Combine(OpenApiDocument.Folder, "config-v1.19.yaml");
        var text = File.ReadAllText(config);
        // Uncommented keys only: "    indexing_threshold_kb: 10000" under optimizers, and the HNSW and request-size defaults.
        var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => !l.TrimStart().StartsWith('#')).ToList();
        lines.Should().Contain(l => l.Trim() == $"indexing_threshold_kb: {QdrantClient.DefaultIndexingThresholdKb}");
        lines.Should().Contain(l => l.Trim() == "full_scan_threshold_kb: 10000");
        lines.Should().Contain(l => l.Trim() == $"max_request_size_mb: {QdrantClientOptions.QdrantDefaultMaxRequestBytes / (1024 * 1024)}");
    }
}
