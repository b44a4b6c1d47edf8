using FluentAssertions;
using Xunit;

namespace Nvf.Faiss.Tests;

/// <summary>Bad input gets a clear managed exception, never a crash of the test host.</summary>
public class FaissBadInputTests
{
    private const int D = 16;

    [Fact]
    public void Dimension_mismatch_names_both_dimensions()
    {
        using var index = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);

        FluentActions.Invoking(() => index.Add(new float[3 * 8], 8))
            .Should().Throw<ArgumentException>().WithMessage("*dimension 8 but the index has dimension 16*");
        FluentActions.Invoking(() => index.Add(new float[D + 3], D))
            .Should().Throw<ArgumentException>().WithMessage("*whole rows of 16 floats, got 19 floats*");
    }

    [Fact]
    public void Add_or_search_on_an_untrained_ivf_index_is_refused()
    {
        using var ivf = FaissIndex.CreateIvfFlat(D, 4, FaissMetric.L2);
        var data = TestVectors.Unit(10, D, 1);

        FluentActions.Invoking(() => ivf.Add(data, D)).Should().Throw<InvalidOperationException>().WithMessage("*untrained*Train*");
        FluentActions.Invoking(() => ivf.Search(data, D, 1)).Should().Throw<InvalidOperationException>().WithMessage("*untrained*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void K_below_one_is_refused(int k)
    {
        using var index = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);
        index.Add(TestVectors.Unit(4, D, 2), D);

        FluentActions.Invoking(() => index.Search(TestVectors.Unit(1, D, 3), D, k))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*k >= 1*");
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void Non_finite_values_are_refused_naming_the_row(float bad, string shown)
    {
        using var index = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);
        var data = TestVectors.Unit(40, D, 4);
        data[37 * D + 5] = bad;

        FluentActions.Invoking(() => index.Add(data, D))
            .Should().Throw<ArgumentException>().WithMessage($"*row 37 (column 5) is {shown}*");
        FluentActions.Invoking(() => index.Search(data, D, 1)).Should().Throw<ArgumentException>().WithMessage("*row 37*");
        index.Count.Should().Be(0, "nothing reached FAISS");
    }

    [Fact]
    public void Searching_an_empty_index_or_with_no_queries_is_refused()
    {
        using var index = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);

        FluentActions.Invoking(() => index.Search(TestVectors.Unit(1, D, 5), D, 1))
            .Should().Throw<InvalidOperationException>().WithMessage("*empty index*");
        index.Add(TestVectors.Unit(2, D, 6), D);
        FluentActions.Invoking(() => index.Search(ReadOnlySpan<float>.Empty, D, 1))
            .Should().Throw<ArgumentException>().WithMessage("*at least one vector*");
    }

    [Fact]
    public void Faiss_own_refusals_come_back_as_faiss_exceptions_with_faiss_message()
    {
        using var ivf = FaissIndex.CreateIvfFlat(D, 64, FaissMetric.L2);
        FluentActions.Invoking(() => ivf.Train(TestVectors.Unit(10, D, 7), D))
            .Should().Throw<FaissException>().WithMessage("training on 10 vectors failed: *should be at least as large as number of clusters*")
            .Which.NativeStatus.Should().Be(1);

        using var map = FaissIndex.WithIds(FaissIndex.CreateFlat(D, FaissMetric.L2));
        FluentActions.Invoking(() => map.Add(TestVectors.Unit(2, D, 8), D))
            .Should().Throw<FaissException>().WithMessage("adding 2 vectors failed: *add_with_ids*");

        FluentActions.Invoking(() => FaissIndex.Create(D, "NoSuchIndex42", FaissMetric.L2))
            .Should().Throw<FaissException>().WithMessage("*index_factory(\"NoSuchIndex42\")*could not parse*");
    }

    [Fact]
    public void Ivf_only_members_on_a_flat_index_and_bad_nprobe_are_refused()
    {
        using var flat = FaissIndex.CreateFlat(D, FaissMetric.L2);
        FluentActions.Invoking(() => flat.Nprobe = 2).Should().Throw<InvalidOperationException>().WithMessage("*only to IVF*");
        using var ivf = FaissIndex.CreateIvfFlat(D, 4, FaissMetric.L2);
        FluentActions.Invoking(() => ivf.Nprobe = 5).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[1, 4]*");
        FluentActions.Invoking(() => FaissIndex.CreateIvfFlat(D, 0, FaissMetric.L2)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FaissIndex.CreateFlat(0, FaissMetric.L2)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Ids_must_be_one_per_row_and_not_negative()
    {
        using var map = FaissIndex.WithIds(FaissIndex.CreateFlat(D, FaissMetric.L2));
        var data = TestVectors.Unit(3, D, 9);

        FluentActions.Invoking(() => map.Add(data, D, new long[] { 1, 2 })).Should().Throw<ArgumentException>().WithMessage("*one id per vector (3), got 2*");
        FluentActions.Invoking(() => map.Add(data, D, new long[] { 1, -1, 2 })).Should().Throw<ArgumentException>().WithMessage("*row 1 is -1*");
    }
}
