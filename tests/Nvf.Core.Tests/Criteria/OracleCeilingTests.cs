using FluentAssertions;
using Nvf.Core.Criteria;
using Nvf.Core.Data;
using Xunit;

namespace Nvf.Core.Tests.Criteria;

public sealed class OracleCeilingTests
{
    static readonly VectorSet Database = RandomUnitVectors.Generate(1000, 128, 42);

    [Fact]
    public void ExactNearestNeighbourLabelsHaveAFullCeiling()
    {
        var queries = QuerySetGenerator.UniformNearestNeighbour(Database, 500, 7);

        OracleCeiling.Measure(Database, queries).Successes.Should().Be(500);
    }

    [Fact]
    public void NoisySourceLabelsHaveAboutHalfAsCeiling()
    {
        // DESIGN.md: exact search finds the source 51% of the time at noise 0.3, dim 128 (PyTorch).
        var queries = QuerySetGenerator.NoisyCopies(Database, 2000, 7, 0.3);

        var ceiling = OracleCeiling.Measure(Database, queries);

        ceiling.Estimate.Should().BeInRange(0.46, 0.56);
    }

    [Fact]
    public void MismatchedWidthsAreRefused()
    {
        var queries = QuerySetGenerator.UniformNearestNeighbour(RandomUnitVectors.Generate(10, 8, 1), 3, 2);

        FluentActions.Invoking(() => OracleCeiling.Measure(Database, queries)).Should().Throw<ArgumentException>().WithMessage("*width 8*128*");
    }
}
