using FluentAssertions;
using Nvf.Core.Stores;
using Xunit;
using Xunit.Abstractions;

namespace Nvf.Core.Tests.Stores;

/// <summary>
/// The parity criterion on the stores themselves: FAISS flat and Qdrant exact (here the
/// REST double, which searches exactly as Qdrant's full scan does) return the same top-k ids.
/// </summary>
public sealed class StoreParityTests(ITestOutputHelper output)
{
    // Measured here (2,000 x 64 N(0,1) rows, 100 queries): FAISS vs the double differ by at most
    // 3.6e-7 (Cosine), 1.5e-5 (inner product) and 2.3e-5 (squared L2, self-matches that FAISS
    // computes through norms); 1e-3 leaves a margin of 40x or more.
    private const double Tolerance = 1e-3;

    [Theory]
    [InlineData(VectorMetric.Cosine)]
    [InlineData(VectorMetric.InnerProduct)]
    [InlineData(VectorMetric.Euclidean)]
    public async Task Faiss_flat_and_qdrant_exact_agree_on_the_top_10(VectorMetric metric)
    {
        var rows = GaussianRows.Make(2000, 64, seed: 42);
        var queries = GaussianRows.Make(100, 64, seed: 43);
        // Exact duplicates make ties that the two engines may order differently.
        for (int i = 0; i < 40; i++)
            GaussianRows.Duplicate(rows, source: i, target: 1000 + i);
        var ids = GaussianRows.Ids(2000);
        // Half the queries are stored vectors, so their duplicate ties reach the top-10.
        for (int q = 0; q < 50; q++)
            rows.Row(q % 40).CopyTo(queries.Row(q));

        await using var faiss = StoreFactory.Open(StoreKind.Faiss);
        await using var qdrant = StoreFactory.Open(StoreKind.QdrantDouble);
        foreach (var store in new[] { faiss, qdrant })
        {
            await store.CreateAsync(64, metric);
            await store.UpsertAsync(ids, rows);
        }

        var report = StoreAgreement.Compare(await faiss.SearchAsync(queries, 10), await qdrant.SearchAsync(queries, 10), Tolerance);

        output.WriteLine($"{metric}: {report}");
        report.AllEquivalent.Should().BeTrue(report.ToString());
        report.MaxRankScoreDifference.Should().BeLessThan(Tolerance);
    }

    [Fact]
    public async Task Comparing_a_squared_l2_with_a_distance_is_caught()
    {
        // The classic mistake the issue warns about: FAISS's raw squared L2 beside Qdrant's distance.
        var rows = GaussianRows.Make(200, 8, seed: 5);
        var queries = GaussianRows.Make(10, 8, seed: 6);
        await using var qdrant = StoreFactory.Open(StoreKind.QdrantDouble);
        await qdrant.CreateAsync(8, VectorMetric.Euclidean);
        await qdrant.UpsertAsync(GaussianRows.Ids(200), rows);
        var distances = await qdrant.SearchAsync(queries, 5);
        var squared = new StoreSearchResult(distances.Ids, distances.Scores.Select(s => s * s).ToArray(), 10, 5, VectorMetric.Euclidean);

        var report = StoreAgreement.Compare(squared, distances, Tolerance);

        report.IdenticalRankings.Should().Be(10, "squaring keeps the order");
        report.AllEquivalent.Should().BeFalse("but the scores are in different units");
    }
}
