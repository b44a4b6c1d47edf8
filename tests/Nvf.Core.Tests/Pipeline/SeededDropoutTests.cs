using FluentAssertions;
using Nvf.Core.Pipeline;
using Nvf.Torch;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

/// <summary>The rerankers' dropout: torch's inverted dropout, masks from the layer's own seeded stream.</summary>
[Collection(TorchCollection.Name)]
public sealed class SeededDropoutTests
{
    [Fact]
    public void TrainingDropsAboutPAndScalesTheRestEvalIsTheIdentity()
    {
        using var scope = new DisposeScope();
        var input = Tensor.Ones(1000, 101); // an odd element count exercises the last half-used draw
        var dropout = new SeededDropout(0.1, 7, 1);

        var output = dropout.Forward(input).ToArray<float>();
        dropout.Eval();
        var evaluated = dropout.Forward(input).ToArray<float>();

        output.Should().OnlyContain(v => v == 0f || Math.Abs(v - (1 / 0.9f)) < 1e-6f);
        var dropped = output.Count(v => v == 0f) / (double)output.Length;
        dropped.Should().BeApproximately(0.1, 0.01, "101,000 draws at p = 0.1 have a standard deviation of 0.001");
        evaluated.Should().OnlyContain(v => v == 1f);
    }

    [Fact]
    public void TheSameSeedAndStreamGiveTheSameMasksAndOthersDiffer()
    {
        using var scope = new DisposeScope();
        var input = Tensor.Ones(64, 32);

        var first = new SeededDropout(0.5, 3, 1).Forward(input).ToArray<float>();
        var again = new SeededDropout(0.5, 3, 1).Forward(input).ToArray<float>();
        var otherStream = new SeededDropout(0.5, 3, 2).Forward(input).ToArray<float>();

        again.Should().Equal(first);
        otherStream.Should().NotEqual(first);
    }

    [Fact]
    public void AProbabilityOutsideZeroToOneIsRefused()
    {
        var act = () => new SeededDropout(1.0, 1, 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*dropout probability in [0, 1)*");
    }
}
