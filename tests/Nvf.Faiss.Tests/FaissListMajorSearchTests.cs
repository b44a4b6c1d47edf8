using FluentAssertions;
using Xunit;

namespace Nvf.Faiss.Tests;

/// <summary>
/// The list-major search (each inverted list read once per batch, scored by one matrix product) against FAISS's own
/// query-by-query search of the same index: the same search, scores equal to float rounding.
/// </summary>
public class FaissListMajorSearchTests
{
    private const int D = 48;

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(32)] // every list
    public void List_major_search_equals_faiss_query_major_search(int nprobe)
    {
        using var index = Ivf(TestVectors.Unit(6000, D, 11), lists: 32);
        index.Nprobe = nprobe;
        var queries = TestVectors.Unit(300, D, 12);

        var faiss = index.Search(queries, D, 20, FaissSearchOrder.QueryMajor);
        var listMajor = index.Search(queries, D, 20, FaissSearchOrder.ListMajor);

        SameSearch(faiss, listMajor, 20);
    }

    [Fact]
    public void Queries_with_fewer_candidates_than_k_get_the_same_missing_results()
    {
        // 200 vectors over 16 lists, one list probed: about 12 candidates per query for k = 50.
        using var index = Ivf(TestVectors.Unit(200, D, 21), lists: 16);
        index.Nprobe = 1;
        var queries = TestVectors.Unit(64, D, 22);

        var faiss = index.Search(queries, D, 50, FaissSearchOrder.QueryMajor);
        var listMajor = index.Search(queries, D, 50, FaissSearchOrder.ListMajor);

        faiss.Ids.Count(id => id < 0).Should().BeGreaterThan(0, "the case is about missing results");
        listMajor.Ids.Select(id => id < 0).Should().Equal(faiss.Ids.Select(id => id < 0));
        SameSearch(faiss, listMajor, 50);
    }

    [Fact]
    public void Duplicate_vectors_come_back_in_the_same_order_as_faiss_returns_them()
    {
        // Real corpora hold identical paragraphs, hence identical embeddings: exact ties, decided by the scan order.
        var distinct = TestVectors.Unit(500, D, 31);
        var data = new float[1500 * D];
        for (var copy = 0; copy < 3; copy++)
            distinct.CopyTo(data.AsSpan(copy * 500 * D));
        using var index = Ivf(data, lists: 8);
        index.Nprobe = 2;
        var queries = distinct.AsSpan(0, 100 * D).ToArray();

        var faiss = index.Search(queries, D, 9, FaissSearchOrder.QueryMajor);
        var listMajor = index.Search(queries, D, 9, FaissSearchOrder.ListMajor);

        listMajor.Ids.Should().Equal(faiss.Ids);
        for (var i = 0; i < faiss.Scores.Length; i++)
            ((double)listMajor.Scores[i]).Should().BeApproximately(faiss.Scores[i], 1e-5);
        Enumerable.Range(0, 100).Should().OnlyContain(q => listMajor.Ids.Skip(q * 9).Take(3).Order().SequenceEqual(new long[] { q, q + 500, q + 1000 }),
            "a query's three copies of itself come first");
    }

    [Fact]
    public void A_memory_mapped_index_is_searched_list_major_with_the_same_answer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nvf-list-major-{Guid.NewGuid():N}.faiss");
        try
        {
            using (var built = Ivf(TestVectors.Unit(3000, D, 41), lists: 24))
                built.Write(path);
            using var mapped = FaissIndex.ReadMapped(path);
            mapped.Nprobe = 6;
            var queries = TestVectors.Unit(128, D, 42);

            mapped.SupportsListMajor.Should().BeTrue();
            SameSearch(mapped.Search(queries, D, 10, FaissSearchOrder.QueryMajor), mapped.Search(queries, D, 10, FaissSearchOrder.ListMajor), 10);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Only_an_ivf_flat_inner_product_index_is_searched_list_major_and_asking_for_another_says_so()
    {
        using var flat = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);
        flat.Add(TestVectors.Unit(100, D, 51), D);
        using var l2 = FaissIndex.CreateIvfFlat(D, 4, FaissMetric.L2);
        var data = TestVectors.Unit(400, D, 52);
        l2.Train(data, D);
        l2.Add(data, D);
        using var ip = Ivf(data, lists: 4);

        using var dedup = FaissIndex.Create(D, "IVF4,FlatDedup", FaissMetric.InnerProduct);
        dedup.Train(data, D);
        dedup.Add(data, D);

        dedup.SupportsListMajor.Should().BeFalse("IndexIVFFlatDedup keeps duplicates outside its lists: only FAISS's own search knows them");
        flat.SupportsListMajor.Should().BeFalse();
        l2.SupportsListMajor.Should().BeFalse();
        ip.SupportsListMajor.Should().BeTrue();
        var refused = () => l2.Search(TestVectors.Unit(40, D, 53), D, 5, FaissSearchOrder.ListMajor);
        refused.Should().Throw<ArgumentException>().WithMessage("a list-major search needs an IVF-Flat index with the inner-product metric*");
        // Automatic falls back to nothing silently: an index the list-major search does not apply to is FAISS's own search.
        var queries = TestVectors.Unit(40, D, 53);
        l2.Search(queries, D, 5).Ids.Should().Equal(l2.Search(queries, D, 5, FaissSearchOrder.QueryMajor).Ids);
    }

    private static FaissIndex Ivf(float[] data, int lists)
    {
        var index = FaissIndex.CreateIvfFlat(D, lists, FaissMetric.InnerProduct);
        index.Train(data, D);
        index.Add(data, D);
        return index;
    }

    // Scores agree to 1e-5; ids agree wherever the score is not within 1e-5 of a neighbour's (where float rounding may
    // decide a near-tie either way).
    private static void SameSearch(FaissSearchResult faiss, FaissSearchResult listMajor, int k)
    {
        listMajor.Ids.Should().HaveCount(faiss.Ids.Length);
        var decided = 0;
        var found = faiss.Ids.Count(id => id >= 0);
        for (var i = 0; i < faiss.Ids.Length; i++)
        {
            if (faiss.Ids[i] < 0)
            {
                listMajor.Ids[i].Should().Be(-1);
                float.IsNaN(listMajor.Scores[i]).Should().BeTrue();
                continue;
            }

            ((double)listMajor.Scores[i]).Should().BeApproximately(faiss.Scores[i], 1e-5, "row {0}, rank {1}", i / k, i % k);
            var rank = i % k;
            var nearTie = (rank > 0 && Math.Abs(faiss.Scores[i] - faiss.Scores[i - 1]) <= 1e-5)
                || (rank < k - 1 && faiss.Ids[i + 1] >= 0 && Math.Abs(faiss.Scores[i] - faiss.Scores[i + 1]) <= 1e-5);
            if (nearTie)
                continue;
            listMajor.Ids[i].Should().Be(faiss.Ids[i], "row {0}, rank {1}", i / k, i % k);
            decided++;
        }

        decided.Should().BeGreaterThan(found / 2, "most results are not near-ties");
    }
}
