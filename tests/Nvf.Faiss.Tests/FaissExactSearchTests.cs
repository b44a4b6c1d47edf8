using FluentAssertions;
using Xunit;

namespace Nvf.Faiss.Tests;

public class FaissExactSearchTests
{
    private const int D = 48;

    [Fact]
    public void Exact_search_over_the_callers_array_equals_a_flat_index_bit_for_bit()
    {
        // 5,000 rows: FAISS takes its BLAS path (more than 20 queries), the one the 584k flat ablation runs.
        var data = TestVectors.Unit(5_000, D, 3);
        var queries = TestVectors.Unit(64, D, 4);
        using var flat = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);
        flat.Add(data, D);

        var fromIndex = flat.Search(queries, D, 10);
        var inPlace = FaissExactSearch.InnerProduct(queries, data, D, 10);

        inPlace.Ids.Should().Equal(fromIndex.Ids);
        inPlace.Scores.Should().Equal(fromIndex.Scores);
    }

    [Fact]
    public void More_results_than_rows_come_back_as_missing_ids_with_nan_scores()
    {
        var data = TestVectors.Unit(3, D, 5);
        var result = FaissExactSearch.InnerProduct(TestVectors.Unit(1, D, 6), data, D, 5);

        result.Ids.Skip(3).Should().OnlyContain(id => id == -1);
        result.Scores.Skip(3).Should().OnlyContain(s => float.IsNaN(s));
    }

    [Fact]
    public void Memory_a_disposed_index_freed_goes_back_to_the_system()
    {
        static long Rss() => long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:"))[6..].Trim().Split(' ')[0]) * 1024;
        var data = TestVectors.Unit(200_000, D, 9); // 38 MB of vectors in 64 lists of ~600 KB
        void BuildAndDispose()
        {
            using var index = FaissIndex.CreateIvfFlat(D, 64, FaissMetric.InnerProduct);
            index.Train(data.AsSpan(0, 64 * 40 * D), D);
            index.Add(data, D);
        }

        // The first index's lists are mapped and unmapped one by one; freeing them raises malloc's mapping
        // threshold, so the next index's lists come from the heap, which keeps them when they are freed.
        BuildAndDispose();
        FaissRuntime.ReturnFreedMemory();
        var baseline = Rss();
        BuildAndDispose();
        var kept = Rss() - baseline;
        FaissRuntime.ReturnFreedMemory();
        var trimmed = Rss() - baseline;

        trimmed.Should().BeLessThan(10L << 20, $"the lists' 38 MB go back once trimmed (kept before trimming: {kept >> 20} MB)");
    }

    [Fact]
    public void Ragged_or_non_finite_input_is_refused_before_native_code()
    {
        var data = TestVectors.Unit(10, D, 7);
        var act = () => FaissExactSearch.InnerProduct(new float[D + 1], data, D, 1);
        act.Should().Throw<ArgumentException>().WithMessage("*whole rows of 48 floats*");
        data[5] = float.NaN;
        act = () => FaissExactSearch.InnerProduct(TestVectors.Unit(1, D, 8), data, D, 1);
        act.Should().Throw<ArgumentException>().WithMessage("*FAISS needs finite values*");
    }
}
