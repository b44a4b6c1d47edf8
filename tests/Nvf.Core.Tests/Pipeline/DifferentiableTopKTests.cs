using FluentAssertions;
using Nvf.Core.Pipeline;
using Nvf.Torch;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

[Collection(TorchCollection.Name)]
public sealed class DifferentiableTopKTests
{
    [Theory]
    [InlineData(TopKRelaxation.StraightThrough)]
    [InlineData(TopKRelaxation.GumbelSoftmax)]
    public void ForwardIsAHardSelectionAndBackwardReachesEveryLogit(TopKRelaxation relaxation)
    {
        using var scope = new DisposeScope();
        using var generator = new Generator(3);
        var logits = Tensor.From([3f, 1f, 2f, 0f, -1f, 4f, 0.5f, 2f], 2, 4).RequireGrad(); // (B=2, N=4)
        var (selection, indices) = DifferentiableTopK.Select(logits, 2, relaxation, 1.0, generator);

        selection.Shape.Should().Equal(2, 2, 4);
        var values = selection.ToArray<float>();
        var picked = indices.ToArray<long>();
        for (var row = 0; row < 4; row++)
        {
            values.Skip(row * 4).Take(4).Select(v => (double)v).Should().Equal(
                Enumerable.Range(0, 4).Select(i => i == picked[row] ? 1.0 : 0.0),
                (a, b) => Math.Abs(a - b) < 1e-6,
                "the forward value is the one-hot selection");
        }

        (selection * Tensor.From([1f, 2f, 3f, 4f], 4)).Sum().Backward();
        logits.Grad!.Abs().Sum().ToSingle().Should().BeGreaterThan(0);
    }

    [Fact]
    public void StraightThroughPicksTheLargestLogitsInOrder()
    {
        using var scope = new DisposeScope();
        var logits = Tensor.From([3f, 1f, 2f, 0f], 1, 4);

        DifferentiableTopK.Select(logits, 3, TopKRelaxation.StraightThrough, 1.0, null).Indices.ToArray<long>().Should().Equal(0, 2, 1);
    }

    [Fact]
    public void GumbelNoiseIsSeeded()
    {
        using var scope = new DisposeScope();
        var logits = Tensor.Zeros(4, 50);
        long[] Draw(ulong seed)
        {
            using var generator = new Generator(seed);
            return DifferentiableTopK.Select(logits, 5, TopKRelaxation.GumbelSoftmax, 1.0, generator).Indices.ToArray<long>();
        }

        Draw(8).Should().Equal(Draw(8));
        Draw(8).Should().NotEqual(Draw(9));
    }
}
