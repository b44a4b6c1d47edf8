using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Stores;
using Xunit;

namespace Nvf.Core.Tests.Stores;

public sealed class FaissVectorStoreTests
{
    [Fact]
    public async Task Ids_cannot_be_overwritten_because_faiss_flat_is_append_only()
    {
        await using var store = new FaissVectorStore();
        await store.CreateAsync(3, VectorMetric.InnerProduct);
        await store.UpsertAsync([1, 2], GaussianRows.Make(2, 3, 1));
        await FluentActions.Awaiting(() => store.UpsertAsync([2], GaussianRows.Make(1, 3, 2))).Should().ThrowAsync<ArgumentException>().WithMessage("*id 2*append-only*");
        await FluentActions.Awaiting(() => store.UpsertAsync([5, 5], GaussianRows.Make(2, 3, 2))).Should().ThrowAsync<ArgumentException>().WithMessage("*id 5 (row 1)*");
        (await store.CountAsync()).Should().Be(2, "a refused batch adds nothing");
    }

    [Fact]
    public async Task Cosine_normalizes_copies_and_leaves_the_callers_vectors_alone()
    {
        await using var store = new FaissVectorStore();
        await store.CreateAsync(2, VectorMetric.Cosine);
        var vectors = new VectorSet([3f, 4f], 1, 2);
        await store.UpsertAsync([1], vectors);
        vectors.Data.Should().Equal(3f, 4f);
        store.Describe().Settings.Should().Contain("normalized", "True");
    }

    [Fact]
    public async Task An_empty_store_finds_nothing_instead_of_failing()
    {
        await using var store = new FaissVectorStore();
        await store.CreateAsync(2, VectorMetric.Euclidean);
        var result = await store.SearchAsync(new VectorSet([1f, 1f], 1, 2), 2);
        result.Ids.Should().Equal(-1L, -1L);
    }
}
