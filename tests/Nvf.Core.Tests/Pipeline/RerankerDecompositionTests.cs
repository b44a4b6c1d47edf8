using FluentAssertions;
using Nvf.Core.Pipeline;
using Nvf.Torch;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

/// <summary>The seed's rerankers compute their first layer by blocks; the result must equal the seed's MLP on the concatenated features.</summary>
[Collection(TorchCollection.Name)]
public sealed class RerankerDecompositionTests
{
    [Theory]
    [InlineData(RerankerDesign.Concatenation)]
    [InlineData(RerankerDesign.RichFeatures)]
    public void BlockwiseFirstLayerEqualsTheMlpOnConcatenatedFeatures(RerankerDesign design)
    {
        using var generator = new Generator(21);
        using var reranker = Reranker.Create(design, 8, SmallSetup.Reranker, generator);
        reranker.Eval();
        using var scope = new DisposeScope();
        var queries = Tensor.Randn([3, 8], generator);                    // (B, D)
        var candidates = Tensor.Randn([3, 5, 8], generator);              // (B, K, D)
        var q = queries.Unsqueeze(1).Expand(3, 5, 8);
        var features = design == RerankerDesign.Concatenation
            ? Tensor.Cat([q, candidates], -1)
            : Tensor.Cat([q, candidates, q - candidates, q * candidates], -1);
        var p = reranker.StateDict();

        // The seed's nn.Sequential: Linear, ReLU, (Dropout), Linear, ReLU, (Dropout), Linear.
        var expected = features.Linear(p["compare.0.weight"], p["compare.0.bias"]).Relu()
            .Linear(p["compare.3.weight"], p["compare.3.bias"]).Relu()
            .Linear(p["compare.6.weight"], p["compare.6.bias"]).Squeeze(-1);
        var actual = reranker.Score(queries, candidates, Tensor.Zeros(3, 5));

        actual.Shape.Should().Equal(3, 5);
        actual.ToArray<float>().Zip(expected.ToArray<float>()).Should().OnlyContain(pair => Math.Abs(pair.First - pair.Second) < 1e-5);
    }
}
