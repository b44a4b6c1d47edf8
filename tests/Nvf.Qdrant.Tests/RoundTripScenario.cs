using FluentAssertions;

namespace Nvf.Qdrant.Tests;

/// <summary>
/// One scenario over every call of the client, run against the double and, where one is
/// reachable, a real Qdrant: so the double is held to the same expectations as the server.
/// </summary>
internal static class RoundTripScenario
{
    public const int Dimension = 8;
    public const int Points = 300;

    /// <summary>Client options that force several upsert batches for 300 points of dimension 8 (~130 B each).</summary>
    public static QdrantClientOptions Options(Uri address, string? apiKey) => new(address) { ApiKey = apiKey, MaxRequestBytes = 8192 };

    public static async Task RunAsync(QdrantClient client, string collection)
    {
        var rows = TestVectors.Rows(Points, Dimension);
        var queries = TestVectors.Rows(3, Dimension, salt: 0.9);
        (await client.CollectionExistsAsync(collection)).Should().BeFalse();
        await client.CreateCollectionAsync(collection, new QdrantCollectionSpec(Dimension, QdrantDistance.Euclid, HnswM: 8, HnswEfConstruct: 32));
        try
        {
            var report = await client.UpsertAsync(collection, TestVectors.Points(rows));
            report.Batches.Should().BeGreaterThan(1);
            (await client.CountAsync(collection)).Should().Be(Points);
            var info = await client.GetCollectionAsync(collection);
            (info.Size, info.Distance, info.HnswM, info.HnswEfConstruct).Should().Be((Dimension, QdrantDistance.Euclid, 8, 32));

            var ids = new List<ulong>();
            await foreach (var record in client.ScrollAllAsync(collection, pageSize: 64, withVectors: true))
            {
                ids.Add(record.Id);
                record.Vector.Should().Equal(rows[record.Id], "Euclid collections store vectors as given");
            }
            ids.Should().Equal(Enumerable.Range(0, Points).Select(i => (ulong)i));

            var single = await client.QueryAsync(collection, new QdrantQuery(queries[0], 10, Exact: true));
            Expect(single, rows, queries[0]);
            var batch = await client.QueryBatchAsync(collection, queries.Select(q => new QdrantQuery(q, 10, Exact: true)).ToList());
            for (int i = 0; i < queries.Length; i++)
                Expect(batch[i], rows, queries[i]);
        }
        finally
        {
            (await client.DeleteCollectionAsync(collection)).Should().BeTrue();
        }
    }

    private static void Expect(IReadOnlyList<QdrantScoredPoint> hits, float[][] rows, float[] query)
    {
        var expected = TestVectors.BruteForce(rows, query, QdrantDistance.Euclid, 10);
        hits.Select(h => h.Id).Should().Equal(expected.Select(e => e.Id));
        // The distance, not its square; 1e-4 relative allows for a server summing in float32 with SIMD.
        for (int i = 0; i < hits.Count; i++)
            hits[i].Score.Should().BeApproximately((float)expected[i].Score, (float)(1e-4 * expected[i].Score));
    }
}
