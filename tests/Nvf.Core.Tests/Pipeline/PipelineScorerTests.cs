using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

/// <summary>The model-file path of the pipeline evaluation with scorers written here.</summary>
public sealed class PipelineScorerTests
{
    sealed class NanAttention : IAttentionScorer
    {
        public string Description => "broken.onnx (ONNX)";

        public float[] Logits(float[] queries, int rows, int dimension, int databaseRows)
        {
            var logits = new float[rows * databaseRows];
            logits[(1 * databaseRows) + 3] = float.NaN;
            return logits;
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public void A_nan_logit_is_named_with_the_model_the_row_and_the_query()
    {
        var database = NvfDatabase.RandomUnit(10, 4, 1);
        var queries = new QuerySet(RandomUnitVectors.Generate(2, 4, 2), [0, 1], "two");

        var act = () => PipelineEvaluator.Evaluate(new NanAttention(), null, database, queries, 5);

        act.Should().Throw<ArtifactException>().WithMessage("broken.onnx (ONNX): returned NaN as the logit of database row 3 for query 1; expected finite logits");
    }
}
