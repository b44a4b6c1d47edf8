using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Data;

public sealed class RandomUnitVectorsTests
{
    [Fact]
    public void Seed_phase_1_database_is_unit_norm_and_reproducible()
    {
        var a = RandomUnitVectors.Generate(1000, 128, 42);
        var b = RandomUnitVectors.Generate(1000, 128, 42);
        a.Data.Should().Equal(b.Data);
        NormStatistics.Measure(a).AllUnit(1e-5).Should().BeTrue();
        RandomUnitVectors.Generate(1000, 128, 43).Data.Should().NotEqual(a.Data);
    }

    [Fact]
    public void Rows_depend_on_their_block_only_not_on_how_many_rows_or_threads()
    {
        var small = RandomUnitVectors.Generate(RandomUnitVectors.BlockRows + 10, 16, 7);
        var large = RandomUnitVectors.Generate(5 * RandomUnitVectors.BlockRows, 16, 7);
        large.Data.AsSpan(0, small.Data.Length).ToArray().Should().Equal(small.Data);
    }

    [Fact]
    public void Directions_are_isotropic()
    {
        // Mean coordinate ~0 and mean pairwise cosine ~0; at dim 128 a pair's cosine has std 1/sqrt(128) = 0.088.
        var v = RandomUnitVectors.Generate(1000, 128, 1);
        double sum = 0;
        for (var i = 0; i < 999; i++)
            sum += VectorMath.Cosine(v.Row(i), v.Row(i + 1));
        (sum / 999).Should().BeApproximately(0, 4 * 0.088 / Math.Sqrt(999));
        v.Data.Average(x => (double)x).Should().BeApproximately(0, 4 / Math.Sqrt(128.0 * 128_000));
    }
}
