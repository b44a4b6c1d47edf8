using System.Text.Json.Nodes;
using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Core.Stores;
using Nvf.Qdrant;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Core.Tests.Stores;

/// <summary>A payload read back from a Qdrant collection (the double): rows by payload field, and every way a collection can fail to be the payload.</summary>
public sealed class QdrantCollectionSourceTests : IDisposable
{
    const int Rows = 30, Dimension = 8;
    readonly QdrantRestDouble server = new();
    readonly QdrantClient client;
    readonly VectorSet payload = RandomUnitVectors.Generate(Rows, Dimension, seed: 5);
    readonly QdrantCollectionSettings settings = new(QdrantRestDouble.BaseAddress, null, "p", "row", Exact: true, HnswEf: null, ReadConsistency: null);

    public QdrantCollectionSourceTests() => client = new QdrantClient(new QdrantClientOptions(QdrantRestDouble.BaseAddress), server);

    async Task Fill(Func<int, JsonObject?> payloadOf, int rows = Rows, int dimension = Dimension)
    {
        await client.CreateCollectionAsync("p", new QdrantCollectionSpec(dimension, QdrantDistance.Dot));
        var data = RandomUnitVectors.Generate(rows, dimension, seed: 5).Data;
        await client.UpsertAsync("p", Enumerable.Range(0, rows).Select(r => new QdrantPoint(500 + (ulong)((r * 7) % rows), data.AsMemory(r * dimension, dimension), payloadOf(r))));
    }

    [Fact]
    public async Task Points_are_placed_at_their_rows_and_searches_answer_in_rows()
    {
        await Fill(r => new JsonObject { ["row"] = r });

        var source = await QdrantCollectionSource.ReadAsync(client, settings, Rows, Dimension, new HashSet<long> { 3, 17 }, payload);

        source.DifferingRows.Should().Be(0, "point ids are shuffled; the row field puts each vector back in place, equal to its payload row");
        source.VectorOf(17).ToArray().Should().Equal(payload.Row(17).ToArray(), "a sampled row keeps its vector");
        var notKept = () => source.VectorOf(4).ToArray();
        notKept.Should().Throw<ArgumentOutOfRangeException>("only the sampled rows are kept, never the whole collection");
        source.Norms.Count.Should().Be(Rows);
        source.Norms.Mean.Should().BeApproximately(1, 1e-6, "the norms are streamed over every page");
        var shifted = new VectorSet([.. payload.Data[Dimension..], .. payload.Data[..Dimension]], Rows, Dimension);
        (await QdrantCollectionSource.ReadAsync(client, settings, Rows, Dimension, new HashSet<long>(), shifted)).DifferingRows.Should().Be(Rows, "a payload off by one row differs everywhere");
        var (rows, _) = await source.SearchAsync(client, new VectorSet(payload.Data[(3 * Dimension)..(5 * Dimension)], 2, Dimension), 5);
        rows[0].Should().Be(3);
        rows[5].Should().Be(4);
        source.SearchMode.Should().Be("exact (full scan, requested)");
        source.Description.Should().Contain("30 x 8").And.Contain("1 shard(s) x 1 replica(s)");
    }

    [Fact]
    public async Task A_point_without_the_row_field_is_named()
    {
        await Fill(r => r == 4 ? new JsonObject { ["chunk"] = r } : new JsonObject { ["row"] = r });
        var act = () => QdrantCollectionSource.ReadAsync(client, settings, Rows, Dimension, new HashSet<long>());
        (await act.Should().ThrowAsync<ArtifactException>()).Which.Message.Should().Be(
            $"Qdrant collection 'p' at {QdrantRestDouble.BaseAddress}: point {500 + (4 * 7 % Rows)} has no integer payload field 'row' (set NVF_QDRANT_ROW_FIELD to the field that holds the payload row)");
    }

    [Fact]
    public async Task Two_points_on_one_row_are_named()
    {
        await Fill(r => new JsonObject { ["row"] = r == 9 ? 8 : r });
        var act = () => QdrantCollectionSource.ReadAsync(client, settings, Rows, Dimension, new HashSet<long>());
        (await act.Should().ThrowAsync<ArtifactException>()).Which.Message.Should().MatchRegex("points \\d+ and \\d+ both name payload row 8 in 'row'; expected one point per row");
    }

    [Fact]
    public async Task Rows_out_of_range_and_rows_without_a_point_are_named()
    {
        await Fill(r => new JsonObject { ["row"] = r });
        var act = () => QdrantCollectionSource.ReadAsync(client, settings, Rows - 5, Dimension, new HashSet<long>());
        (await act.Should().ThrowAsync<ArtifactException>()).Which.Message.Should().MatchRegex(@"point \d+ names payload row 2[5-9] in 'row'; expected a row in \[0, 25\)$");

        act = () => QdrantCollectionSource.ReadAsync(client, settings, Rows + 3, Dimension, new HashSet<long>());
        (await act.Should().ThrowAsync<ArtifactException>()).Which.Message.Should().Contain("3 payload rows have no point (first: 30, 31, 32); expected one point per row of the payload's 33");
    }

    [Fact]
    public async Task A_collection_of_another_width_is_named()
    {
        await Fill(r => new JsonObject { ["row"] = r }, dimension: 6);
        var act = () => QdrantCollectionSource.ReadAsync(client, settings, Rows, Dimension, new HashSet<long>());
        (await act.Should().ThrowAsync<ArtifactException>()).Which.Message.Should().EndWith("vectors of size 6; expected 8, the payload's width");
    }

    [Fact]
    public void The_settings_come_from_the_environment_and_bad_values_name_the_variable()
    {
        QdrantCollectionSettings.FromEnvironment(_ => null).Should().BeNull("no collection named: the FAISS path alone");
        var env = new Dictionary<string, string?> { ["NVF_QDRANT_COLLECTION"] = "payload", ["NVF_QDRANT_URL"] = "http://q:6333", ["NVF_QDRANT_SEARCH"] = "hnsw", ["NVF_QDRANT_HNSW_EF"] = "128", ["NVF_QDRANT_CONSISTENCY"] = "quorum" };
        var parsed = QdrantCollectionSettings.FromEnvironment(n => env.GetValueOrDefault(n))!;
        (parsed.Collection, parsed.RowField, parsed.Exact, parsed.HnswEf, parsed.ReadConsistency, parsed.SearchAsked).Should().Be(("payload", "row", false, 128, "quorum", "HNSW, hnsw_ef 128"));

        foreach (var (name, value, message) in new[]
        {
            ("NVF_QDRANT_URL", "q:6333", "NVF_QDRANT_COLLECTION is 'payload' but NVF_QDRANT_URL is 'q:6333'; expected the collection's server as http(s)://host:6333"),
            ("NVF_QDRANT_SEARCH", "fast", "NVF_QDRANT_SEARCH is 'fast'; expected exact or hnsw"),
            ("NVF_QDRANT_HNSW_EF", "0", "NVF_QDRANT_HNSW_EF is '0'; expected an integer >= 1"),
            ("NVF_QDRANT_CONSISTENCY", "most", "NVF_QDRANT_CONSISTENCY: expected null, a replica count >= 1, or majority, quorum or all*"),
            ("NVF_QDRANT_COLLECTION", "a/b", "NVF_QDRANT_COLLECTION: collection name 'a/b' has '/' at position 1*"),
        })
        {
            var bad = new Dictionary<string, string?>(env) { [name] = value };
            var act = () => QdrantCollectionSettings.FromEnvironment(n => bad.GetValueOrDefault(n));
            act.Should().Throw<ArtifactException>().WithMessage(message);
        }
    }

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }
}
