using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Xunit;

namespace Nvf.Core.Tests.Retrieval;

public class CosineHistogramTests
{
    [Fact]
    public void Perfect_predictions_put_every_positive_in_the_top_bin_and_negatives_near_zero()
    {
        var targets = RandomUnitVectors.Generate(500, 256, 3);
        var (positive, negative) = CosineHistogram.Measure(targets, targets);
        positive.Sum(p => p.Y).Should().BeApproximately(1, 1e-9);
        negative.Sum(p => p.Y).Should().BeApproximately(1, 1e-9);
        positive[^1].Y.Should().Be(1, "cos(t, t) = 1 falls in the last bin");
        negative.Where(p => Math.Abs(p.X) > 0.3).Sum(p => p.Y).Should().BeLessThan(1e-3, "random 256-d unit vectors are nearly orthogonal");
        CosineHistogram.ToSvg("t", targets, targets).Should().StartWith("<svg");
    }
}
