using System.Net;
using System.Text.Json;
using FluentAssertions;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Qdrant.Tests;

/// <summary>
/// Qdrant as it really behaves where the first double guessed (issue: "Qdrant as Qdrant really behaves"): each test
/// encodes one behaviour read from Qdrant's source and published API, in the double and in the client.
/// </summary>
public sealed class QdrantBehaviourTests
{
    static QdrantClientOptions Options(string? key = null) =>
        new(QdrantRestDouble.BaseAddress) { ApiKey = key, MaxRetries = 3, InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromMilliseconds(400), RequestTimeout = TimeSpan.FromSeconds(5) };

    [Theory]
    [InlineData(null, "Must provide an API key or an Authorization bearer token")]
    [InlineData("wrong", "Invalid API key or JWT")]
    public async Task Authentication_failures_are_401_in_plain_text_and_final(string? key, string text)
    {
        using var test = new DoubleClient(Options(key), new QdrantRestDouble(apiKey: "s3cret"));

        var failure = await FluentActions.Awaiting(() => test.Client.CountAsync("c")).Should().ThrowAsync<QdrantException>();

        failure.Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        failure.Which.ServerError.Should().Be(text, "Qdrant's authentication layer answers plain text, not its JSON envelope");
        failure.Which.Attempts.Should().Be(1);
    }

    [Theory]
    [InlineData("", "application/json", "\"version\"")]
    [InlineData("healthz", "text/plain", "healthz check passed")]
    [InlineData("livez", "text/plain", "healthz check passed")]
    [InlineData("readyz", "text/plain", "all shards are ready")]
    public async Task The_root_and_health_endpoints_need_no_api_key(string path, string type, string content)
    {
        using var server = new QdrantRestDouble(apiKey: "s3cret");
        using var http = new HttpClient(server) { BaseAddress = QdrantRestDouble.BaseAddress };

        using var response = await http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(type);
        (await response.Content.ReadAsStringAsync()).Should().Contain(content);
        using var other = await http.GetAsync("collections/c");
        other.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "every other route needs the key");
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, "Timeout error: Operation 'update' timed out")]
    [InlineData(HttpStatusCode.TooManyRequests, "Rate limiting exceeded: Write rate limit exceeded")]
    public async Task A_408_or_429_is_transient_and_retried(HttpStatusCode status, string text)
    {
        using var test = new DoubleClient(Options());
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(4, QdrantDistance.Dot));
        test.Server.InjectFault(QdrantFault.Status(status, text, times: 2) with { Match = r => r.Method == "PUT" && r.Route.EndsWith("points", StringComparison.Ordinal) });

        var report = await test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(3, 4)));

        report.Points.Should().Be(3);
        test.Server.PointCount("c").Should().Be(3);
        test.Waits.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_429_waits_at_least_its_Retry_After()
    {
        using var test = new DoubleClient(Options());
        test.Server.InjectFault(QdrantFault.Status(HttpStatusCode.TooManyRequests, "Rate limiting exceeded", times: 1) with { RetryAfter = TimeSpan.FromSeconds(3) });

        (await test.Client.CollectionExistsAsync("c")).Should().BeFalse();

        test.Waits.Should().Equal([TimeSpan.FromSeconds(3)], "Retry-After (3 s) is longer than the backoff (100 ms)");
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_clients_patience_fails_saying_so()
    {
        using var test = new DoubleClient(Options() with { MaxRetryAfter = TimeSpan.FromSeconds(10) });
        test.Server.InjectFault(QdrantFault.Status(HttpStatusCode.TooManyRequests, "Rate limiting exceeded", times: 1) with { RetryAfter = TimeSpan.FromSeconds(120) });

        var failure = await FluentActions.Awaiting(() => test.Client.CollectionExistsAsync("c")).Should().ThrowAsync<QdrantException>();

        failure.Which.Message.Should().Contain("retry after 120 s, longer than the 10 s this client waits (MaxRetryAfter)");
        test.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_succeeds_when_the_retry_finds_it_created()
    {
        using var test = new DoubleClient(Options());
        test.Server.InjectFault(QdrantFault.ServeThenDrop() with { Match = r => r.Method == "PUT" });

        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(4, QdrantDistance.Cosine));

        test.Server.Requests.Select(r => $"{r.Method} {r.Route}").Should().Equal("PUT collections/c", "PUT collections/c", "GET collections/c");
        test.Server.PointCount("c").Should().Be(0);
    }

    [Fact]
    public async Task A_lost_create_answer_then_409_on_a_different_collection_is_still_an_error()
    {
        using var test = new DoubleClient(Options());
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(8, QdrantDistance.Dot));
        test.Server.InjectFault(QdrantFault.Refuse() with { Match = r => r.Method == "PUT" });

        var failure = await FluentActions.Awaiting(() => test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(4, QdrantDistance.Cosine))).Should().ThrowAsync<QdrantException>();

        failure.Which.Message.Should().Contain("found 'c' existing with size 8 and Dot; expected size 4 and Cosine");
    }

    [Fact]
    public async Task A_create_refused_409_at_the_first_attempt_stays_an_error()
    {
        using var test = new DoubleClient(Options());
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(4, QdrantDistance.Dot));

        var failure = await FluentActions.Awaiting(() => test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(4, QdrantDistance.Dot))).Should().ThrowAsync<QdrantException>();

        failure.Which.StatusCode.Should().Be(HttpStatusCode.Conflict);
        failure.Which.ServerError.Should().Contain("already exists");
    }

    [Theory]
    [InlineData("wait_timeout")]
    [InlineData("acknowledged")]
    public async Task An_upsert_not_answered_completed_fails_naming_the_status(string status)
    {
        using var test = new DoubleClient(Options());
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(4, QdrantDistance.Dot));
        test.Server.InjectFault(QdrantFault.UpdateStatus(status));

        var failure = await FluentActions.Awaiting(() => test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(3, 4)))).Should().ThrowAsync<QdrantUpsertException>();

        failure.Which.Message.Should().Contain($"answered update status '{status}'; expected 'completed' (wait=true)");
        failure.Which.BatchIndex.Should().Be(0);
    }

    [Fact]
    public async Task Cluster_settings_and_thresholds_are_sent_kept_and_read_back()
    {
        var options = Options() with { Ordering = QdrantWriteOrdering.Strong, ReadConsistency = "majority", ServerTimeoutSeconds = 20 };
        using var test = new DoubleClient(options);
        var spec = new QdrantCollectionSpec(4, QdrantDistance.Cosine)
        {
            ShardNumber = 6, ReplicationFactor = 2, WriteConsistencyFactor = 2, IndexingThresholdKb = 0, FullScanThresholdKb = 20,
        };

        await test.Client.CreateCollectionAsync("c", spec);
        await test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(5, 4)));
        await test.Client.QueryAsync("c", new QdrantQuery(TestVectors.Rows(1, 4)[0], 2));
        await test.Client.ScrollAsync("c", 10);
        await test.Client.CountAsync("c");
        var info = await test.Client.GetCollectionAsync("c");

        var create = JsonDocument.Parse(test.Server.Requests[0].Body).RootElement;
        create.GetProperty("shard_number").GetInt32().Should().Be(6);
        create.GetProperty("replication_factor").GetInt32().Should().Be(2);
        create.GetProperty("write_consistency_factor").GetInt32().Should().Be(2);
        create.GetProperty("optimizers_config").GetProperty("indexing_threshold").GetInt32().Should().Be(0);
        create.GetProperty("hnsw_config").GetProperty("full_scan_threshold").GetInt32().Should().Be(20);
        test.Server.Requests.Select(r => r.Path).Should().Equal(
            "collections/c?timeout=20",
            "collections/c/points?wait=true&ordering=strong",
            "collections/c/points/query?consistency=majority&timeout=20",
            "collections/c/points/scroll?consistency=majority&timeout=20",
            "collections/c/points/count?timeout=20",
            "collections/c");
        (info.ShardNumber, info.ReplicationFactor, info.WriteConsistencyFactor, info.IndexingThresholdKb, info.FullScanThresholdKb).Should().Be((6, 2, 2, 0, 20));
    }

    [Theory]
    [InlineData(1000, 128, null, "exhaustive: 1,000 of 1,000 points are in segments without an HNSW index (500 KB of vectors; indexing_threshold 10,000 KB)")]
    [InlineData(1000, 128, 100, "HNSW (approximate)")]
    public async Task HNSW_happens_only_above_the_indexing_threshold_and_the_client_waits_for_it(int points, int size, int? threshold, string mode)
    {
        // The teacher flow's 1,000 x 128 floats is 500 KB: under Qdrant's default 10,000 KB nothing is indexed, and
        // every "HNSW" search is a full scan whatever exact and hnsw_ef say.
        using var test = new DoubleClient(Options(), new QdrantRestDouble { OptimizingReads = 2 });
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(size, QdrantDistance.Cosine) { IndexingThresholdKb = threshold, FullScanThresholdKb = 10 });
        await test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(points, size)));

        var info = await test.Client.WaitForIndexingAsync("c", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1));

        info.Status.Should().Be("green");
        info.SearchMode(exactRequested: false).Should().Be(mode);
        info.SearchMode(exactRequested: true).Should().Be("exact (full scan, requested)");
        var reads = test.Server.Requests.Count(r => r.Method == "GET");
        reads.Should().Be(threshold is null ? 1 : 3, "above the threshold the collection is yellow (optimizing) for two reads first");
    }
}
