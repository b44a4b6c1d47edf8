using FluentAssertions;
using Nvf.Qdrant.Testing;
using Xunit;

namespace Nvf.Qdrant.Tests;

/// <summary>The double's exact search scores in double precision, eight lanes at a time: the same float as a sequential sum.</summary>
public class DoubleScoreTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(384)]
    [InlineData(768)]
    [InlineData(771)]
    public void The_lane_wise_double_dot_product_gives_the_float_a_sequential_double_sum_gives(int dimension)
    {
        var random = new Random(dimension);
        var mismatches = 0;
        for (var trial = 0; trial < 200; trial++)
        {
            var q = Enumerable.Range(0, dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var x = Enumerable.Range(0, dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            double sequential = 0;
            for (var i = 0; i < dimension; i++)
                sequential += (double)q[i] * x[i];

            var laneWise = DoubleCollection.DotInDouble(q, x);

            laneWise.Should().BeApproximately(sequential, 1e-12 * Math.Max(1, Math.Abs(sequential)));
            if ((float)laneWise != (float)sequential)
                mismatches++;
        }

        mismatches.Should().Be(0, "double sums in another order round to the same float");
    }
}
