using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using Nvf.Qdrant.Protocol;
using Nvf.Qdrant.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Nvf.Qdrant.Tests;

public sealed class BatchingTests(ITestOutputHelper output)
{
    [Fact]
    public void The_batcher_never_exceeds_its_limit_and_wraps_items_in_the_envelope()
    {
        var batcher = new SizeBoundedBatcher("["u8, "]"u8, maxBytes: 10, maxItems: 100);
        batcher.MaxItemBytes.Should().Be(8);
        batcher.Fits(8).Should().BeTrue();
        batcher.Add("123"u8);
        batcher.Fits(4).Should().BeTrue("[123,4567] is exactly 10 bytes");
        batcher.Fits(5).Should().BeFalse("[123,45678] would be 11 bytes");
        batcher.Add("4567"u8);
        System.Text.Encoding.ASCII.GetString(batcher.TakeBody()).Should().Be("[123,4567]");
        batcher.Count.Should().Be(0);
        batcher.Add("9"u8);
        System.Text.Encoding.ASCII.GetString(batcher.TakeBody()).Should().Be("[9]");
    }

    [Fact]
    public void The_batcher_honours_the_item_cap()
    {
        var batcher = new SizeBoundedBatcher("["u8, "]"u8, maxBytes: 1000, maxItems: 2);
        batcher.Add("1"u8);
        batcher.Add("2"u8);
        batcher.Fits(1).Should().BeFalse();
        FluentActions.Invoking(() => batcher.Add("3"u8)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task Upsert_batches_are_packed_tight_under_the_limit()
    {
        const int limit = 4096;
        var options = new QdrantClientOptions(QdrantRestDouble.BaseAddress) { MaxRequestBytes = limit };
        using var test = new DoubleClient(options, new QdrantRestDouble(maxRequestBytes: limit));
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(16, QdrantDistance.Cosine));

        var report = await test.Client.UpsertAsync("c", TestVectors.Points(TestVectors.Rows(500, 16)));

        var bodies = test.Server.Requests.Where(r => r.Route == "collections/c/points").Select(r => r.Body).ToList();
        report.Points.Should().Be(500);
        report.Batches.Should().Be(bodies.Count).And.BeGreaterThan(1);
        report.LargestRequestBytes.Should().Be(bodies.Max(b => b.Length)).And.BeLessThanOrEqualTo(limit);
        report.TotalRequestBytes.Should().Be(bodies.Sum(b => (long)b.Length));
        // Tight: each full batch was closed only because its successor's first point would not fit.
        for (int i = 0; i + 1 < bodies.Count; i++)
        {
            var next = JsonDocument.Parse(bodies[i + 1]).RootElement.GetProperty("points")[0].GetRawText();
            (bodies[i].Length + 1 + System.Text.Encoding.UTF8.GetByteCount(next)).Should().BeGreaterThan(limit);
        }
        test.Server.PointCount("c").Should().Be(500);
    }

    [Fact]
    public async Task Upsert_at_the_seeds_dimension_stays_under_qdrants_32_MiB_default()
    {
        // 768 floats are ~7.4 KB of JSON, so 4,600 points (~34 MB) cannot go in one 32 MiB request.
        using var test = new DoubleClient();
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(768, QdrantDistance.Dot));
        var rows = TestVectors.Rows(4_600, 768);

        var clock = Stopwatch.StartNew();
        var report = await test.Client.UpsertAsync("c", TestVectors.Points(rows));
        clock.Stop();

        report.Points.Should().Be(4_600);
        report.Batches.Should().Be(2);
        report.TotalRequestBytes.Should().BeGreaterThan(QdrantClientOptions.QdrantDefaultMaxRequestBytes);
        report.LargestRequestBytes.Should().BeLessThanOrEqualTo(QdrantClientOptions.QdrantDefaultMaxRequestBytes);
        test.Server.PointCount("c").Should().Be(4_600);
        output.WriteLine($"upsert 4,600 x 768 into the double: {report.Batches} requests, {report.TotalRequestBytes / 1e6:F1} MB JSON, " +
            $"largest {report.LargestRequestBytes / 1e6:F2} MB, {clock.Elapsed.TotalSeconds:F2} s (client serialize + double parse)");
    }

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(4, 1000)]
    [InlineData(40, 1000)]
    public void Backoff_doubles_from_the_initial_wait_up_to_the_cap(int failedAttempt, int expectedMs)
    {
        RetrySchedule.DelayAfter(failedAttempt, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(1000))
            .Should().Be(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public void Options_refuse_nonsense_with_what_was_expected()
    {
        var ok = new QdrantClientOptions(new Uri("http://127.0.0.1:6333"));
        FluentActions.Invoking(() => (ok with { MaxRetries = -1 }).Validate()).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*retries >= 0*");
        FluentActions.Invoking(() => (ok with { RequestTimeout = TimeSpan.Zero }).Validate()).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*timeout > 0*");
        FluentActions.Invoking(() => (ok with { MaxRequestBytes = 10 }).Validate()).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*>= 1024 bytes*");
        FluentActions.Invoking(() => new QdrantClientOptions(new Uri("ftp://x/"))).Should().Throw<ArgumentException>().WithMessage("*http(s)*");
        FluentActions.Invoking(() => new QdrantCollectionSpec(0, QdrantDistance.Dot).Validate()).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*size > 0*");
    }
}
