using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Stores;
using Xunit;

namespace Nvf.Core.Tests.Stores;

/// <summary>What every <see cref="IVectorStore"/> promises, checked on each implementation.</summary>
public sealed class VectorStoreContractTests
{
    public static TheoryData<StoreKind, VectorMetric> Every()
    {
        var data = new TheoryData<StoreKind, VectorMetric>();
        foreach (var kind in Enum.GetValues<StoreKind>())
            foreach (var metric in Enum.GetValues<VectorMetric>())
                data.Add(kind, metric);
        return data;
    }

    public static TheoryData<StoreKind> Kinds() => new(Enum.GetValues<StoreKind>());

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Search_ranks_like_the_float64_reference_in_the_metrics_unit(StoreKind kind, VectorMetric metric)
    {
        await using var store = StoreFactory.Open(kind);
        var rows = GaussianRows.Make(300, 16, seed: 7);
        var queries = GaussianRows.Make(20, 16, seed: 8);
        await store.CreateAsync(16, metric);
        await store.UpsertAsync(GaussianRows.Ids(300, first: 1000), rows);

        var result = await store.SearchAsync(queries, 5);

        (await store.CountAsync()).Should().Be(300);
        result.Metric.Should().Be(metric);
        bool higher = VectorScores.HigherIsCloser(metric);
        for (int q = 0; q < queries.Count; q++)
        {
            var query = queries.Row(q).ToArray();
            var expected = Enumerable.Range(0, 300)
                .Select(i => (Id: 1000L + i, Score: VectorScores.Exact(metric, query, rows.Row(i))))
                .OrderBy(p => higher ? -p.Score : p.Score).Take(5).ToArray();
            result.IdsOf(q).ToArray().Should().Equal(expected.Select(e => e.Id));
            // float32 engines against a float64 reference over 16 products: 1e-4 absolute is ample.
            for (int r = 0; r < 5; r++)
                ((double)result.ScoresOf(q)[r]).Should().BeApproximately(expected[r].Score, 1e-4);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Euclidean_scores_are_distances_not_squares(StoreKind kind)
    {
        await using var store = StoreFactory.Open(kind);
        await store.CreateAsync(2, VectorMetric.Euclidean);
        await store.UpsertAsync([5], new VectorSet([3f, 4f], 1, 2));
        var result = await store.SearchAsync(new VectorSet([0f, 0f], 1, 2), 1);
        result.IdsOf(0)[0].Should().Be(5);
        result.ScoresOf(0)[0].Should().BeApproximately(5f, 1e-6f, "the 3-4-5 triangle's distance is 5; its square would be 25");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Cosine_ignores_length(StoreKind kind)
    {
        await using var store = StoreFactory.Open(kind);
        await store.CreateAsync(2, VectorMetric.Cosine);
        // Id 1 points the query's way but is short; id 2 is long and 45 degrees off.
        await store.UpsertAsync([1, 2], new VectorSet([0.1f, 0f, 10f, 10f], 2, 2));
        var result = await store.SearchAsync(new VectorSet([5f, 0f], 1, 2), 2);
        result.IdsOf(0).ToArray().Should().Equal(1L, 2L);
        result.ScoresOf(0)[0].Should().BeApproximately(1f, 1e-6f);
        result.ScoresOf(0)[1].Should().BeApproximately(MathF.Sqrt(0.5f), 1e-6f);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Fewer_vectors_than_k_leave_minus_one_and_NaN_after_the_found_ones(StoreKind kind)
    {
        await using var store = StoreFactory.Open(kind);
        await store.CreateAsync(3, VectorMetric.InnerProduct);
        await store.UpsertAsync([10, 11], GaussianRows.Make(2, 3, seed: 1));
        var result = await store.SearchAsync(GaussianRows.Make(1, 3, seed: 2), 4);
        result.IdsOf(0)[2..].ToArray().Should().Equal(-1L, -1L);
        result.ScoresOf(0)[2..].ToArray().Should().OnlyContain(s => float.IsNaN(s));
        result.IdsOf(0)[..2].ToArray().Should().BeEquivalentTo([10L, 11L]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Wrong_arguments_say_what_was_expected(StoreKind kind)
    {
        await using var store = StoreFactory.Open(kind);
        await FluentActions.Awaiting(() => store.CountAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*CreateAsync*");
        await store.CreateAsync(4, VectorMetric.Euclidean);
        await FluentActions.Awaiting(() => store.UpsertAsync([1], GaussianRows.Make(1, 3, 1))).Should().ThrowAsync<ArgumentException>().WithMessage("*dimension 3*dimension 4*");
        await FluentActions.Awaiting(() => store.UpsertAsync([1, 2], GaussianRows.Make(1, 4, 1))).Should().ThrowAsync<ArgumentException>().WithMessage("*one id per vector (1), got 2*");
        await FluentActions.Awaiting(() => store.UpsertAsync([-3], GaussianRows.Make(1, 4, 1))).Should().ThrowAsync<ArgumentException>().WithMessage("*-3*ids >= 0*");
        await FluentActions.Awaiting(() => store.SearchAsync(GaussianRows.Make(1, 4, 1), 0)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*k >= 1*");
        await FluentActions.Awaiting(() => store.SearchAsync(GaussianRows.Make(1, 5, 1), 1)).Should().ThrowAsync<ArgumentException>().WithMessage("*dimension 5*");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Create_again_empties_the_store_and_describe_reports_it(StoreKind kind)
    {
        await using var store = StoreFactory.Open(kind);
        await store.CreateAsync(4, VectorMetric.InnerProduct);
        await store.UpsertAsync(GaussianRows.Ids(10), GaussianRows.Make(10, 4, 3));
        await store.CreateAsync(6, VectorMetric.Cosine);
        (await store.CountAsync()).Should().Be(0);
        var description = store.Describe();
        (description.Dimension, description.Metric, description.Exact).Should().Be((6, VectorMetric.Cosine, true));
        description.Kind.Should().NotBeNullOrWhiteSpace();
    }
}
