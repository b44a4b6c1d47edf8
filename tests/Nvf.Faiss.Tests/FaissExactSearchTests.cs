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
