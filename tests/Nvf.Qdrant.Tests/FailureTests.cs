using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Qdrant.Tests;

public sealed class FailureTests
{
    private static QdrantClientOptions Options(int retries = 3, TimeSpan? timeout = null) =>
        new(QdrantRestDouble.BaseAddress)
        {
            MaxRetries = retries,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromMilliseconds(300),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        };

    [Fact]
    public async Task A_5xx_is_retried_with_exponential_backoff_until_it_succeeds()
    {
        using var test = new DoubleClient(Options());
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(2, QdrantDistance.Dot));
        test.Server.InjectFault(QdrantFault.Status(HttpStatusCode.ServiceUnavailable, "overloaded", times: 3));

        (await test.Client.CountAsync("c")).Should().Be(0);

        test.Server.Requests.Count(r => r.Route == "collections/c/points/count").Should().Be(4);
        test.Waits.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task A_5xx_that_persists_fails_after_the_bounded_attempts_with_the_server_text()
    {
        using var test = new DoubleClient(Options(retries: 2));
        test.Server.InjectFault(QdrantFault.Status(HttpStatusCode.InternalServerError, "Service internal error: disk full", times: 10));

        var failure = await FluentActions.Awaiting(() => test.Client.CountAsync("c")).Should().ThrowAsync<QdrantException>();

        failure.Which.Attempts.Should().Be(3);
        failure.Which.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        failure.Which.ServerError.Should().Be("Service internal error: disk full");
        failure.Which.Message.Should().Contain("3 attempt(s)").And.Contain("disk full");
        test.Server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_4xx_is_never_retried_and_carries_qdrants_status_error()
    {
        using var test = new DoubleClient(Options());
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(3, QdrantDistance.Dot));

        var failure = await FluentActions.Awaiting(() => test.Client.QueryAsync("c", new QdrantQuery(new[] { 1f, 2f }, 1)))
            .Should().ThrowAsync<QdrantException>();

        failure.Which.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        failure.Which.ServerError.Should().Be("Wrong input: Vector dimension error: expected dim: 3, got 2");
        failure.Which.Attempts.Should().Be(1);
        failure.Which.Operation.Should().Be("POST /collections/c/points/query");
        test.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_collection_is_a_404_with_qdrants_text()
    {
        using var test = new DoubleClient(Options());
        var failure = await FluentActions.Awaiting(() => test.Client.GetCollectionAsync("nope")).Should().ThrowAsync<QdrantException>();
        failure.Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
        failure.Which.ServerError.Should().Be("Not found: Collection `nope` doesn't exist!");
    }

    [Fact]
    public async Task A_slow_answer_times_out_per_attempt_and_the_retry_succeeds()
    {
        using var test = new DoubleClient(Options(retries: 1, timeout: TimeSpan.FromMilliseconds(150)));
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(2, QdrantDistance.Dot));
        test.Server.InjectFault(QdrantFault.Slow(TimeSpan.FromSeconds(30)));

        (await test.Client.CountAsync("c")).Should().Be(0);
        test.Waits.Should().Equal(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_server_that_stays_slow_fails_with_a_timeout_message()
    {
        using var test = new DoubleClient(Options(retries: 1, timeout: TimeSpan.FromMilliseconds(100)));
        test.Server.InjectFault(QdrantFault.Slow(TimeSpan.FromSeconds(30), times: 2));

        var failure = await FluentActions.Awaiting(() => test.Client.CountAsync("c")).Should().ThrowAsync<QdrantException>();

        failure.Which.Message.Should().Contain("timed out after 100 ms");
        failure.Which.StatusCode.Should().BeNull();
        failure.Which.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_mistaken_for_a_timeout()
    {
        using var test = new DoubleClient(Options());
        test.Server.InjectFault(QdrantFault.Slow(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await FluentActions.Awaiting(() => test.Client.CountAsync("c", cancellationToken: cancel.Token)).Should().ThrowAsync<OperationCanceledException>();
        test.Server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        using var test = new DoubleClient(Options());
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(2, QdrantDistance.Dot));
        test.Server.InjectFault(QdrantFault.Refuse(times: 2));
        (await test.Client.CountAsync("c")).Should().Be(0);
        test.Waits.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_real_closed_loopback_port_fails_as_a_connection_error_after_the_retries()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new QdrantClientOptions(new Uri($"http://127.0.0.1:{port}")) { MaxRetries = 2, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(2) };
        using var client = new QdrantClient(options);

        var failure = await FluentActions.Awaiting(() => client.CountAsync("c")).Should().ThrowAsync<QdrantException>();

        failure.Which.Attempts.Should().Be(3);
        failure.Which.Message.Should().Contain("connection error");
        failure.Which.InnerException.Should().BeOfType<HttpRequestException>();
        (await client.ProbeReadyAsync(TimeSpan.FromSeconds(2))).Should().Contain("connection error");
    }

    [Fact]
    public async Task An_upsert_failing_part_way_names_the_batch_and_what_was_written()
    {
        // 40 points of dim 8 are ~130 bytes each; 1 KiB requests hold 7 of them.
        var options = Options(retries: 1) with { MaxRequestBytes = 1024 };
        using var test = new DoubleClient(options);
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(8, QdrantDistance.Dot));
        test.Server.InjectFault(QdrantFault.Status(HttpStatusCode.BadGateway, "upstream gone", times: 2) with
        {
            Skip = 2,
            Match = r => r.Route == "collections/c/points",
        });

        var failure = await FluentActions.Awaiting(() => test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(40, 8), firstId: 100)))
            .Should().ThrowAsync<QdrantUpsertException>();

        var upserts = test.Server.Requests.Where(r => r.Route == "collections/c/points").ToList();
        int perBatch = System.Text.Json.JsonDocument.Parse(upserts[0].Body).RootElement.GetProperty("points").GetArrayLength();
        failure.Which.BatchIndex.Should().Be(2);
        failure.Which.PointsWrittenBefore.Should().Be(2 * perBatch);
        failure.Which.FirstId.Should().Be(100 + 2 * (ulong)perBatch);
        failure.Which.LastId.Should().Be(100 + 3 * (ulong)perBatch - 1);
        failure.Which.PointsInBatch.Should().Be(perBatch);
        failure.Which.Attempts.Should().Be(2);
        failure.Which.Message.Should().Contain("batch 2").And.Contain($"{2 * perBatch} points in 2 earlier batches were written").And.Contain("upstream gone");
        test.Server.PointCount("c").Should().Be(2 * perBatch, "nothing after the failed batch was sent");
        upserts.Should().HaveCount(4, "two good batches, then the failing one tried twice");
    }

    [Fact]
    public async Task A_body_over_the_servers_limit_is_a_400_payload_error_that_is_not_retried()
    {
        // The client believes in 32 MiB; this server allows 4 KiB, as a misconfigured proxy might.
        using var test = new DoubleClient(Options(), new QdrantRestDouble(maxRequestBytes: 4096));
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(64, QdrantDistance.Dot));

        var failure = await FluentActions.Awaiting(() => test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(50, 64))))
            .Should().ThrowAsync<QdrantUpsertException>();

        // Qdrant answers 400 in its JSON envelope, not 413 (checked against its source and published API).
        failure.Which.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        failure.Which.ServerError.Should().MatchRegex(@"^Payload error: JSON payload \(\d+ bytes\) is larger than allowed \(limit: 4096 bytes\)\.$");
        failure.Which.BatchIndex.Should().Be(0);
        failure.Which.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task A_point_too_large_for_any_request_is_refused_with_its_size()
    {
        var options = Options() with { MaxRequestBytes = 1024 };
        using var test = new DoubleClient(options);
        var failure = await FluentActions.Awaiting(() => test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(1, 200))))
            .Should().ThrowAsync<ArgumentException>();
        failure.Which.Message.Should().Contain("point 0 is").And.Contain("1024-byte request").And.Contain("0 points were written before it");
        test.Server.Requests.Should().BeEmpty();
    }
}
