using FluentAssertions;
using Nvf.Core.Data;
using Xunit;

namespace Nvf.Core.Tests.Data;

public class TopicPayloadGeneratorTests
{
    private static TopicPayloadSpec Small(int topics = 20, double spread = 1.0, double duplicates = 0.05) =>
        new(10_000, 64, topics, spread, duplicates, Seed: 11);

    [Fact]
    public void Every_vector_is_unit_and_every_row_has_a_topic()
    {
        var payload = TopicPayloadGenerator.Generate(Small());

        payload.Vectors.Count.Should().Be(10_000);
        payload.Vectors.Dimension.Should().Be(64);
        for (var row = 0; row < payload.Vectors.Count; row++)
        {
            var norm = Math.Sqrt(payload.Vectors.Row(row).ToArray().Sum(x => (double)x * x));
            norm.Should().BeApproximately(1.0, 1e-5);
        }
        payload.TopicOf.Should().OnlyContain(t => t >= 0 && t < 20);
        payload.Centroids!.Count.Should().Be(20);
    }

    [Fact]
    public void Same_seed_same_bytes_different_seed_different_bytes()
    {
        var a = TopicPayloadGenerator.Generate(Small());
        var b = TopicPayloadGenerator.Generate(Small());
        var c = TopicPayloadGenerator.Generate(Small() with { Seed = 12 });

        a.Vectors.Data.Should().Equal(b.Vectors.Data);
        a.DuplicateOf.Should().Equal(b.DuplicateOf);
        a.TopicOf.Should().Equal(b.TopicOf);
        a.Vectors.Data.AsSpan(0, 64).SequenceEqual(c.Vectors.Data.AsSpan(0, 64)).Should().BeFalse();
    }

    [Fact]
    public void Rows_do_not_depend_on_the_thread_count()
    {
        // Each chunk of rows has its own forked stream, so one thread and all cores agree bit for bit.
        var spec = Small() with { Count = 3 * TopicPayloadGenerator.ChunkRows + 17 };

        var parallel = TopicPayloadGenerator.Generate(spec);
        var serial = TopicPayloadGenerator.Generate(spec, maxThreads: 1);

        serial.Vectors.Data.Should().Equal(parallel.Vectors.Data);
        serial.TopicOf.Should().Equal(parallel.TopicOf);
        var chunk = TopicPayloadGenerator.ChunkRows * spec.Dimension;
        parallel.Vectors.Data.AsSpan(0, chunk).SequenceEqual(parallel.Vectors.Data.AsSpan(chunk, chunk)).Should().BeFalse("chunks draw from different streams");
    }

    [Fact]
    public void Duplicates_are_exact_copies_of_originals_in_the_asked_share()
    {
        var payload = TopicPayloadGenerator.Generate(Small(duplicates: 0.05));

        payload.DuplicateCount.Should().Be(500);
        for (var row = 0; row < payload.Spec.Count; row++)
        {
            var source = payload.DuplicateOf[row];
            if (source < 0)
                continue;
            payload.DuplicateOf[source].Should().Be(-1, "sources are originals (one hop)");
            payload.Vectors.Row(row).SequenceEqual(payload.Vectors.Row(source)).Should().BeTrue();
            payload.TopicOf[row].Should().Be(payload.TopicOf[source]);
            payload.AreDuplicates(row, source).Should().BeTrue();
        }
        payload.AreDuplicates(0, 1).Should().Be(payload.SourceOf(0) == payload.SourceOf(1));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Intra_topic_cosine_follows_the_spread_and_inter_topic_cosine_is_near_zero(double spread)
    {
        var payload = TopicPayloadGenerator.Generate(new TopicPayloadSpec(20_000, 256, 50, spread, 0.01, Seed: 3));

        var profile = TopicPayloadGenerator.MeasureCosines(payload, 4000, seed: 5);

        // Noise of norm s around a unit centroid: two members share only the centroid, cos = 1 / (1 + s^2).
        profile.IntraTopicMean.Should().BeApproximately(1 / (1 + spread * spread), 0.03);
        // Random unit centroids in 256-d: cosines ~ N(0, 1/256); the mean of 4000 pairs is within 0.01 of 0.
        profile.InterTopicMean.Should().BeApproximately(0, 0.01);
        profile.PairsPerKind.Should().Be(4000);
    }

    [Fact]
    public void Isotropic_mode_has_no_topics_and_near_orthogonal_vectors()
    {
        var payload = TopicPayloadGenerator.Generate(Small(topics: 0));

        payload.Centroids.Should().BeNull();
        payload.TopicOf.Should().OnlyContain(t => t == -1);
        var profile = TopicPayloadGenerator.MeasureCosines(payload, 2000, seed: 1);
        double.IsNaN(profile.IntraTopicMean).Should().BeTrue();
        profile.InterTopicMean.Should().BeApproximately(0, 0.01);
    }

    [Fact]
    public void Fresh_queries_share_the_centroids_and_spread_but_not_the_rows()
    {
        var payload = TopicPayloadGenerator.Generate(Small());

        var queries = TopicPayloadGenerator.GenerateQueries(payload, 300, seed: 99);

        queries.Centroids.Should().BeSameAs(payload.Centroids);
        queries.DuplicateCount.Should().Be(0);
        queries.Spec.Spread.Should().Be(payload.Spec.Spread);
        queries.Vectors.Data.AsSpan(0, 64).SequenceEqual(payload.Vectors.Data.AsSpan(0, 64)).Should().BeFalse();
        var first = queries.Vectors.Row(0).ToArray();
        var own = payload.Centroids!.Row(queries.TopicOf[0]).ToArray();
        var cos = Enumerable.Range(0, 64).Sum(j => (double)first[j] * own[j]);
        cos.Should().BeGreaterThan(0.4, "a spread-1 query has cosine about 1/sqrt(2) with its own centroid");
    }

    [Theory]
    [InlineData(0, 64, 1, 1.0, 0.0)]
    [InlineData(10, 0, 1, 1.0, 0.0)]
    [InlineData(10, 64, -1, 1.0, 0.0)]
    [InlineData(10, 64, 1, -0.5, 0.0)]
    [InlineData(10, 64, 1, double.NaN, 0.0)]
    [InlineData(10, 64, 1, 1.0, 0.6)]
    public void Bad_specs_are_refused(int count, int dimension, int topics, double spread, double duplicates)
    {
        FluentActions.Invoking(() => TopicPayloadGenerator.Generate(new TopicPayloadSpec(count, dimension, topics, spread, duplicates, 1)))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("expected*");
    }
}
