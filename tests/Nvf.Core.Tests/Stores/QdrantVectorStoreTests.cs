using System.Text.Json;
using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Stores;
using Nvf.Qdrant;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Core.Tests.Stores;

public sealed class QdrantVectorStoreTests
{
    private static (QdrantRestDouble Server, QdrantClient Client) Double()
    {
        var server = new QdrantRestDouble();
        return (server, new QdrantClient(new QdrantClientOptions(QdrantRestDouble.BaseAddress), server));
    }

    [Fact]
    public async Task Exact_mode_sends_exact_true_and_hnsw_mode_sends_hnsw_ef()
    {
        var (server, client) = Double();
        await using (var exact = new QdrantVectorStore(client, "exact"))
        {
            await exact.CreateAsync(4, VectorMetric.Cosine);
            await exact.UpsertAsync(GaussianRows.Ids(5), GaussianRows.Make(5, 4, 1));
            await exact.SearchAsync(GaussianRows.Make(2, 4, 2), 3);
        }
        await using (var hnsw = new QdrantVectorStore(client, "hnsw", new QdrantStoreOptions { Exact = false, HnswEf = 96, HnswM = 24, HnswEfConstruct = 150 }))
        {
            await hnsw.CreateAsync(4, VectorMetric.Cosine);
            await hnsw.UpsertAsync(GaussianRows.Ids(5), GaussianRows.Make(5, 4, 1));
            await hnsw.SearchAsync(GaussianRows.Make(2, 4, 2), 3);
            // Five 4-float vectors are far under Qdrant's default indexing threshold: no HNSW index is built, and the
            // description says the "HNSW" search is a full scan.
            hnsw.Describe().Settings.Should().Contain("search", "exhaustive: 5 of 5 points are in segments without an HNSW index (0 KB of vectors; indexing_threshold 10,000 KB)")
                .And.Contain("hnsw_ef", "96").And.Contain("hnsw_m", "24");
        }

        await using (var indexed = new QdrantVectorStore(client, "indexed", new QdrantStoreOptions { Exact = false, IndexingThresholdKb = 1, FullScanThresholdKb = 10 }))
        {
            await indexed.CreateAsync(512, VectorMetric.Cosine);
            await indexed.UpsertAsync(GaussianRows.Ids(40), GaussianRows.Make(40, 512, 1));
            indexed.Describe().Settings.Should().Contain("search", "HNSW (approximate)", "40 x 512 floats is 80 KB: above a 1 KB indexing threshold and the 10 KB full-scan threshold, once the collection is green");
        }

        JsonElement Params(string collection) => JsonDocument.Parse(server.Requests.Single(r => r.Route == $"collections/{collection}/points/query/batch").Body)
            .RootElement.GetProperty("searches")[1].GetProperty("params");
        Params("exact").GetRawText().Should().Be("""{"exact":true}""");
        Params("hnsw").GetRawText().Should().Be("""{"exact":false,"hnsw_ef":96}""");
        var info = await client.GetCollectionAsync("hnsw");
        (info.HnswM, info.HnswEfConstruct).Should().Be((24, 150));
        client.Dispose();
    }

    [Fact]
    public async Task Upsert_overwrites_by_id_and_open_reads_the_collection_back()
    {
        var (server, client) = Double();
        await using var store = new QdrantVectorStore(client, "c", ownsClient: true);
        await store.CreateAsync(3, VectorMetric.Euclidean);
        await store.UpsertAsync([1, 2], new VectorSet([1f, 0f, 0f, 0f, 1f, 0f], 2, 3));
        await store.UpsertAsync([2], new VectorSet([0f, 0f, 7f], 1, 3));
        (await store.CountAsync()).Should().Be(2);

        await using var reopened = new QdrantVectorStore(new QdrantClient(new QdrantClientOptions(QdrantRestDouble.BaseAddress), server), "c", ownsClient: true);
        await reopened.OpenAsync();
        reopened.Describe().Should().Match<StoreDescription>(d => d.Dimension == 3 && d.Metric == VectorMetric.Euclidean && d.Kind == "qdrant");
        var hit = await reopened.SearchAsync(new VectorSet([0f, 0f, 7f], 1, 3), 1);
        (hit.IdsOf(0)[0], hit.ScoresOf(0)[0]).Should().Be((2L, 0f));
    }

    [Fact]
    public async Task Delete_on_dispose_removes_the_collection()
    {
        var (server, client) = Double();
        var store = new QdrantVectorStore(client, "temp", new QdrantStoreOptions { DeleteOnDispose = true }, ownsClient: true);
        await store.CreateAsync(2, VectorMetric.InnerProduct);
        server.PointCount("temp").Should().Be(0);
        await store.DisposeAsync();
        server.PointCount("temp").Should().BeNull();
    }

    [Fact]
    public async Task Server_errors_surface_as_qdrant_exceptions_with_the_server_text()
    {
        var (server, client) = Double();
        await using var store = new QdrantVectorStore(client, "c", ownsClient: true);
        await store.CreateAsync(2, VectorMetric.InnerProduct);
        server.InjectFault(QdrantFault.Status(System.Net.HttpStatusCode.Forbidden, "Forbidden: read-only api key"));
        var failure = await FluentActions.Awaiting(() => store.UpsertAsync([1], GaussianRows.Make(1, 2, 1))).Should().ThrowAsync<QdrantUpsertException>();
        failure.Which.ServerError.Should().Be("Forbidden: read-only api key");
        failure.Which.BatchIndex.Should().Be(0);
    }
}
