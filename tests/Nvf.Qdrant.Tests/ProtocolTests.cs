using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Qdrant.Tests;

public sealed class ProtocolTests
{
    [Theory]
    [InlineData(QdrantDistance.Cosine)]
    [InlineData(QdrantDistance.Dot)]
    [InlineData(QdrantDistance.Euclid)]
    public async Task Exact_query_returns_the_brute_force_ranking_with_qdrant_score_units(QdrantDistance distance)
    {
        using var test = new DoubleClient();
        var rows = TestVectors.Rows(200, 8);
        var query = TestVectors.Rows(1, 8, salt: 1.3)[0];
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(8, distance));
        await test.Client.UpsertAsync("c", TestVectors.Points(rows));

        var hits = await test.Client.QueryAsync("c", new QdrantQuery(query, 10, Exact: true));

        var expected = TestVectors.BruteForce(rows, query, distance, 10);
        hits.Select(h => h.Id).Should().Equal(expected.Select(e => e.Id));
        // float32 scores against a float64 reference: 1e-5 relative covers the rounding of 8 products.
        for (int i = 0; i < hits.Count; i++)
            hits[i].Score.Should().BeApproximately((float)expected[i].Score, (float)(1e-5 * Math.Max(1, Math.Abs(expected[i].Score))));
    }

    [Fact]
    public async Task Euclid_score_is_the_distance_not_its_square()
    {
        using var test = new DoubleClient();
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(2, QdrantDistance.Euclid));
        await test.Client.UpsertAsync("c", [new QdrantPoint(1, new[] { 3f, 4f })]);
        var hit = (await test.Client.QueryAsync("c", new QdrantQuery(new[] { 0f, 0f }, 1, Exact: true))).Single();
        hit.Score.Should().Be(5f, "a 3-4-5 triangle: the distance is 5, its square 25");
    }

    [Fact]
    public async Task Cosine_collections_store_unit_vectors_like_qdrant()
    {
        using var test = new DoubleClient();
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(2, QdrantDistance.Cosine));
        await test.Client.UpsertAsync("c", [new QdrantPoint(1, new[] { 3f, 4f })]);
        var stored = await test.Client.ScrollAsync("c", 10, withVectors: true);
        stored.Points.Single().Vector.Should().Equal(0.6f, 0.8f);
        var hit = (await test.Client.QueryAsync("c", new QdrantQuery(new[] { 30f, 40f }, 1, Exact: true))).Single();
        hit.Score.Should().BeApproximately(1f, 1e-6f);
    }

    [Fact]
    public async Task Batch_query_answers_each_query_in_order()
    {
        using var test = new DoubleClient();
        var rows = TestVectors.Rows(100, 6);
        var queries = TestVectors.Rows(5, 6, salt: 2.1);
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(6, QdrantDistance.Dot));
        await test.Client.UpsertAsync("c", TestVectors.Points(rows));

        var answers = await test.Client.QueryBatchAsync("c", queries.Select(q => new QdrantQuery(q, 4, Exact: true)).ToList());

        answers.Should().HaveCount(5);
        for (int i = 0; i < 5; i++)
            answers[i].Select(h => h.Id).Should().Equal(TestVectors.BruteForce(rows, queries[i], QdrantDistance.Dot, 4).Select(e => e.Id));
    }

    [Fact]
    public async Task Batch_query_is_split_to_stay_under_the_request_limit()
    {
        var options = new QdrantClientOptions(QdrantRestDouble.BaseAddress) { MaxRequestBytes = 2048 };
        using var test = new DoubleClient(options, new QdrantRestDouble(maxRequestBytes: 2048));
        var rows = TestVectors.Rows(50, 16);
        var queries = TestVectors.Rows(40, 16, salt: 0.5);
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(16, QdrantDistance.Euclid));
        await test.Client.UpsertAsync("c", TestVectors.Points(rows));

        var answers = await test.Client.QueryBatchAsync("c", queries.Select(q => new QdrantQuery(q, 3, Exact: true)).ToList());

        var batches = test.Server.Requests.Where(r => r.Route == "collections/c/points/query/batch").ToList();
        batches.Should().HaveCountGreaterThan(1);
        batches.Should().OnlyContain(r => r.Body.Length <= 2048);
        answers.Should().HaveCount(40);
        answers[39].Select(h => h.Id).Should().Equal(TestVectors.BruteForce(rows, queries[39], QdrantDistance.Euclid, 3).Select(e => e.Id));
    }

    [Fact]
    public async Task Batch_query_honours_the_queries_per_request_cap()
    {
        using var test = new DoubleClient(new QdrantClientOptions(QdrantRestDouble.BaseAddress) { MaxQueriesPerBatch = 4 });
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(3, QdrantDistance.Dot));
        await test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(20, 3)));

        var answers = await test.Client.QueryBatchAsync("c", TestVectors.Rows(10, 3, salt: 1).Select(q => new QdrantQuery(q, 2)).ToList());

        answers.Should().HaveCount(10);
        test.Server.Requests.Where(r => r.Route == "collections/c/points/query/batch")
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("searches").GetArrayLength())
            .Should().Equal(4, 4, 2);
    }

    [Fact]
    public async Task Payloads_come_back_only_when_asked_for()
    {
        using var test = new DoubleClient();
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(2, QdrantDistance.Dot));
        await test.Client.UpsertAsync("c", [new QdrantPoint(4, new[] { 1f, 0f }, new JsonObject { ["doc"] = "a", ["topic"] = 9 })]);

        var without = await test.Client.QueryAsync("c", new QdrantQuery(new[] { 1f, 0f }, 1));
        var with = await test.Client.QueryAsync("c", new QdrantQuery(new[] { 1f, 0f }, 1, WithPayload: true));

        without.Single().Payload.Should().BeNull();
        with.Single().Payload!["topic"]!.GetValue<int>().Should().Be(9);
        with.Single().Payload!["doc"]!.GetValue<string>().Should().Be("a");
    }

    [Fact]
    public async Task Scroll_all_follows_next_page_offset_to_the_end()
    {
        using var test = new DoubleClient();
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(3, QdrantDistance.Dot));
        // Ids 10, 13, 16, ...: gaps make sure the offset is an id, not a position.
        await test.Client.UpsertAsync("c", TestVectors.Rows(25, 3).Select((row, i) => new QdrantPoint(10 + 3 * (ulong)i, row)));

        var ids = new List<ulong>();
        await foreach (var record in test.Client.ScrollAllAsync("c", pageSize: 7))
            ids.Add(record.Id);

        ids.Should().Equal(Enumerable.Range(0, 25).Select(i => 10 + 3 * (ulong)i));
        var pages = test.Server.Requests.Where(r => r.Route == "collections/c/points/scroll").ToList();
        pages.Should().HaveCount(4, "25 points in pages of 7 is 7 + 7 + 7 + 4");
        JsonDocument.Parse(pages[1].Body).RootElement.GetProperty("offset").GetUInt64().Should().Be(31, "the 8th id is 10 + 3 * 7");
    }

    [Fact]
    public async Task Count_describe_exists_and_delete()
    {
        using var test = new DoubleClient();
        (await test.Client.CollectionExistsAsync("c")).Should().BeFalse();
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(5, QdrantDistance.Cosine, HnswM: 8, HnswEfConstruct: 64));
        await test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(12, 5)));

        (await test.Client.CountAsync("c")).Should().Be(12);
        (await test.Client.GetCollectionAsync("c")).Should().Be(new QdrantCollectionInfo("green", 12, 5, QdrantDistance.Cosine, 8, 64)
        {
            IndexedVectorsCount = 0,
            IndexingThresholdKb = 10_000,
            FullScanThresholdKb = 10_000,
        });
        (await test.Client.CollectionExistsAsync("c")).Should().BeTrue();
        (await test.Client.DeleteCollectionAsync("c")).Should().BeTrue();
        (await test.Client.DeleteCollectionAsync("c")).Should().BeFalse();
    }

    [Fact]
    public async Task Readiness_probe_says_ready_or_why_not()
    {
        using var test = new DoubleClient();
        (await test.Client.ProbeReadyAsync(TimeSpan.FromSeconds(1))).Should().BeNull();
        test.Server.InjectFault(QdrantFault.Status(System.Net.HttpStatusCode.ServiceUnavailable, "some shards are not ready"));
        (await test.Client.ProbeReadyAsync(TimeSpan.FromSeconds(1))).Should().Contain("503").And.Contain("some shards are not ready");
    }

    [Fact]
    public async Task Api_key_is_sent_on_every_request()
    {
        var options = new QdrantClientOptions(QdrantRestDouble.BaseAddress) { ApiKey = "s3cret" };
        using var test = new DoubleClient(options, new QdrantRestDouble(apiKey: "s3cret"));
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(2, QdrantDistance.Dot));
        await test.Client.UpsertAsync("c", [new QdrantPoint(1, new[] { 1f, 2f })]);
        await test.Client.QueryAsync("c", new QdrantQuery(new[] { 1f, 0f }, 1));
        (await test.Client.ProbeReadyAsync(TimeSpan.FromSeconds(1))).Should().BeNull();
        test.Server.Requests.Should().HaveCount(4).And.OnlyContain(r => r.ApiKey == "s3cret");
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_401_with_qdrants_text_and_is_not_retried()
    {
        var options = new QdrantClientOptions(QdrantRestDouble.BaseAddress) { ApiKey = "wrong" };
        using var test = new DoubleClient(options, new QdrantRestDouble(apiKey: "right"));
        var failure = await FluentActions.Awaiting(() => test.Client.CountAsync("c")).Should().ThrowAsync<QdrantException>();
        failure.Which.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        failure.Which.ServerError.Should().Contain("API key");
        failure.Which.Attempts.Should().Be(1);
        test.Server.Requests.Should().HaveCount(1);
    }
}
