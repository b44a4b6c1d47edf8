using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Nvf.Qdrant.Protocol;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Qdrant.Tests;

public sealed class WireFormatTests
{
    private static string Approved(string name) => File.ReadAllText(RepositoryFiles.Fixture("qdrant", "wire", name)).TrimEnd('\n');

    private static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    [Fact]
    public void Create_collection_body_names_size_distance_and_hnsw_settings()
    {
        var body = QdrantRequestWriter.CreateCollection(new QdrantCollectionSpec(4, QdrantDistance.Euclid, HnswM: 32, HnswEfConstruct: 200));
        Text(body).Should().Be(Approved("create-collection.json"));
    }

    [Fact]
    public void Create_collection_body_leaves_out_hnsw_config_when_nothing_is_set()
    {
        var body = QdrantRequestWriter.CreateCollection(new QdrantCollectionSpec(3, QdrantDistance.Cosine));
        Text(body).Should().Be("""{"vectors":{"size":3,"distance":"Cosine"}}""");
    }

    [Fact]
    public async Task Upsert_body_is_points_with_id_vector_and_optional_payload()
    {
        using var test = new DoubleClient();
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(4, QdrantDistance.Dot));
        await test.Client.UpsertAsync("c",
        [
            new QdrantPoint(7, new[] { 0.5f, -1f, 2.25f, 0f }, new JsonObject { ["topic"] = 3 }),
            new QdrantPoint(8, new[] { 1f, 0f, 0f, 1e-5f }),
        ]);
        var upsert = test.Server.Requests.Single(r => r.Method == "PUT" && r.Route == "collections/c/points");
        upsert.Path.Should().Be("collections/c/points?wait=true", "points must be visible to the next query and count");
        Text(upsert.Body).Should().Be(Approved("upsert.json"));
    }

    [Fact]
    public void Query_body_carries_limit_params_and_with_payload()
    {
        var body = QdrantRequestWriter.Query(new QdrantQuery(new[] { 0.5f, -1f, 2.25f, 0f }, 5, Exact: false, HnswEf: 128, WithPayload: true));
        Text(body).Should().Be(Approved("query.json"));
    }

    [Fact]
    public async Task Batch_query_body_is_searches_of_query_requests()
    {
        using var test = new DoubleClient();
        await test.Client.CreateCollectionAsync("c", new QdrantCollectionSpec(4, QdrantDistance.Cosine));
        await test.Client.QueryBatchAsync("c",
        [
            new QdrantQuery(new[] { 1f, 0f, 0f, 0f }, 2, Exact: true),
            new QdrantQuery(new[] { 0f, 1f, 0f, 0f }, 3, Exact: true),
        ]);
        var batch = test.Server.Requests.Single(r => r.Route == "collections/c/points/query/batch");
        Text(batch.Body).Should().Be(Approved("query-batch.json"));
    }

    [Fact]
    public void Scroll_and_count_bodies_match_the_approved_files()
    {
        Text(QdrantRequestWriter.Scroll(64, 128, withPayload: false, withVector: true)).Should().Be(Approved("scroll.json"));
        Text(QdrantRequestWriter.Count(exact: true)).Should().Be(Approved("count.json"));
    }

    [Fact]
    public async Task Collection_names_are_escaped_in_paths()
    {
        using var test = new DoubleClient();
        await test.Client.CreateCollectionAsync("a b+c", new QdrantCollectionSpec(2, QdrantDistance.Dot));
        test.Server.Requests.Single().Path.Should().Be("collections/a%20b%2Bc");
        test.Server.PointCount("a b+c").Should().Be(0);
    }

    [Theory]
    [InlineData("a b/c", "'/' at position 3")]
    [InlineData("x<y", "'<' at position 1")]
    [InlineData("run:1", "':' at position 3")]
    [InlineData("what?", "'?' at position 4")]
    [InlineData("a\\b", "'\\' at position 1")]
    [InlineData("tab\there", "'\\u0009' at position 3")]
    public async Task Names_Qdrant_refuses_are_refused_before_sending(string name, string what)
    {
        // Qdrant: 1 to 255 characters, none of < > : " / \ | ? * or a control character.
        using var test = new DoubleClient();
        var create = () => test.Client.CreateCollectionAsync(name, new QdrantCollectionSpec(2, QdrantDistance.Dot));
        (await create.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(what).And.Contain("Qdrant refuses names with");
        test.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_double_refuses_such_a_name_as_Qdrant_does_when_another_client_sends_it()
    {
        using var server = new QdrantRestDouble();
        using var http = new HttpClient(server) { BaseAddress = QdrantRestDouble.BaseAddress };
        using var response = await http.PutAsync("collections/a%2Fb", new StringContent("{\"vectors\":{\"size\":2,\"distance\":\"Dot\"}}"));
        ((int)response.StatusCode).Should().Be(422);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!["error"]!.GetValue<string>();
        error.Should().Be("Validation error in path parameters: [name: collection name cannot contain \"/\" char]");
        server.PointCount("a/b").Should().BeNull();
    }

    [Fact]
    public async Task Non_finite_vector_values_are_refused_before_sending()
    {
        using var test = new DoubleClient();
        Func<Task> upsert = () => test.Client.UpsertAsync("c", [new QdrantPoint(1, new[] { 1f, float.NaN })]);
        await upsert.Should().ThrowAsync<ArgumentException>().WithMessage("*point 1*non-finite*component 1*");
        test.Server.Requests.Should().BeEmpty();
    }
}
