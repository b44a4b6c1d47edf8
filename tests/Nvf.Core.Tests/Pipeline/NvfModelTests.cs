using FluentAssertions;
using Nvf.Core.Pipeline;
using Nvf.Torch;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

/// <summary>Soft attention, rerankers, evaluation, gradient flow and joint fine-tuning at a small scale (100 rows of width 16).</summary>
[Collection(TorchCollection.Name)]
public sealed class NvfModelTests
{
    static readonly NvfDatabase Database = SmallSetup.Database;

    [Fact]
    public void SoftAttentionLearnsFarAboveChanceAndTheControlReachesCoverage()
    {
        var queries = NvfQueryDistribution.UniformNearestNeighbour.Draw(Database, 1000, QueryStream.Evaluation);

        var result = PipelineEvaluator.Evaluate(SmallSetup.TrainedSoftAttention, null, queries, 5);

        result.SoftAttentionTop1.Estimate.Should().BeGreaterThan(0.2, "chance is 1% with 100 rows");
        result.Coverage.Estimate.Should().BeGreaterThan(result.SoftAttentionTop1.Estimate);
        result.ControlTop1.Successes.Should().Be(result.Coverage.Successes, "exact cosine re-scoring finds every covered label (labels are exact nearest neighbours)");
        result.OracleTop1.Successes.Should().Be(1000);
        result.PipelineTop1.Should().BeNull();
        SmallSetup.TrainedSoftAttention.Curve.Epochs.Should().HaveCount(SmallSetup.SoftAttention.Epochs);
        SmallSetup.TrainedSoftAttention.Curve.Epochs[^1].TrainingLoss.Should().BeLessThan(SmallSetup.TrainedSoftAttention.Curve.Epochs[0].TrainingLoss);
    }

    [Fact]
    public void TrainingIsDeterministicForAFixedConfig()
    {
        var config = SmallSetup.SoftAttention with { Epochs = 1, TrainingQueries = 500 };
        using var first = SoftAttentionTrainer.Train(Database, config).Model;
        using var second = SoftAttentionTrainer.Train(Database, config).Model;
        using var other = SoftAttentionTrainer.Train(Database, config with { Seed = 99 }).Model;

        first.StateDict()["mlp.0.weight"].ToArray<float>().Should().Equal(second.StateDict()["mlp.0.weight"].ToArray<float>());
        first.Temperature.ToSingle().Should().Be(second.Temperature.ToSingle());
        first.StateDict()["mlp.0.weight"].ToArray<float>().Should().NotEqual(other.StateDict()["mlp.0.weight"].ToArray<float>());
    }

    [Fact]
    public void TheSeedsLossTrainsToo()
    {
        var config = SmallSetup.SoftAttention with { Loss = SoftAttentionLoss.SeedLogSoftmax, Epochs = 2 };
        using var model = SoftAttentionTrainer.Train(Database, config).Model;
        using var scope = new DisposeScope();
        var labels = Tensor.From([1L, 2L], 2);
        var logits = Tensor.From([0f, 5f, 0f, 0f, 0f, 5f], 2, 3);

        // At these logits both losses equal -log(e^5 / (e^5 + 2)) (the 1e-10 is negligible).
        var expected = -Math.Log(Math.Exp(5) / (Math.Exp(5) + 2));
        SoftAttentionModel.Loss(logits, labels, SoftAttentionLoss.SeedLogSoftmax).ToSingle().Should().BeApproximately((float)expected, 1e-5f);
        SoftAttentionModel.Loss(logits, labels, SoftAttentionLoss.CrossEntropyOnLogits).ToSingle().Should().BeApproximately((float)expected, 1e-5f);
    }

    [Theory]
    [InlineData(RerankerDesign.Concatenation)]
    [InlineData(RerankerDesign.RichFeatures)]
    [InlineData(RerankerDesign.Improved)]
    public void EveryRerankerDesignTrainsAndStaysUnderTheCoverage(RerankerDesign design)
    {
        var reranker = SmallSetup.Models.Reranker(SmallSetup.TrainedSoftAttention, design, SmallSetup.Reranker);
        var queries = NvfQueryDistribution.UniformNearestNeighbour.Draw(Database, 1000, QueryStream.Evaluation);

        var result = PipelineEvaluator.Evaluate(SmallSetup.TrainedSoftAttention, reranker.Model, queries, 5);

        reranker.Model.Design.Should().Be(design);
        reranker.Curve.Epochs.Should().HaveCount(SmallSetup.Reranker.MaxEpochs + 1, "the initial state is validated as epoch 0");
        reranker.Curve.KeptEpoch.Should().Be((int)reranker.Curve.Epochs.MaxBy(e => e.ValidationScore)!.Epoch);
        result.PipelineTop1!.Estimate.Should().BeLessThanOrEqualTo(result.Coverage.Estimate);
        result.PipelineTopK!.Successes.Should().Be(result.Coverage.Successes);
        result.AccuracyGivenTopK!.Trials.Should().Be(result.Coverage.Successes);
        result.CorrectOutsideTopK.Should().Be(0);
    }

    [Fact]
    public void TheImprovedRerankerLearnsFromARandomStart()
    {
        var config = SmallSetup.Reranker with { MaxEpochs = 10, LearningRate = 1e-2, TrainingQueries = 4000 };

        var trained = RerankerTrainer.Train(SmallSetup.TrainedSoftAttention, RerankerDesign.Improved, config);
        var learning = RerankerLearning.Of(trained.Curve);

        // Nothing starts at the cosine: the head and the MLP are random, so epoch 0 is the random
        // model and training has to find the exact-cosine ranking (100% given the Top-5) itself.
        learning.KeptEpoch.Should().BeGreaterThan(0, learning.Describe());
        learning.Trained.Should().BeGreaterThan(learning.Untrained + 0.1, learning.Describe());
        learning.Trained.Should().BeGreaterThan(0.95, learning.Describe());
        learning.Describe().Should().Contain("untrained (epoch 0)").And.Contain($"kept epoch {learning.KeptEpoch}");
    }

    [Theory]
    [InlineData(RerankerDesign.RichFeatures)]
    [InlineData(RerankerDesign.Improved)]
    public void AMemoHitEqualsAFreshTraining(RerankerDesign design)
    {
        var memo = SmallSetup.Models.Reranker(SmallSetup.TrainedSoftAttention, design, SmallSetup.Reranker);

        var fresh = RerankerTrainer.Train(SmallSetup.TrainedSoftAttention, design, SmallSetup.Reranker);

        SmallSetup.Models.Reranker(SmallSetup.TrainedSoftAttention, design, SmallSetup.Reranker).Should().BeSameAs(memo);
        var expected = memo.Model.StateDict();
        foreach (var (name, tensor) in fresh.Model.StateDict())
        {
            tensor.ToArray<float>().Should().Equal(expected[name].ToArray<float>(), $"parameter {name} of a fresh training must equal the memoised one");
        }

        fresh.Curve.Epochs.Select(e => e.ValidationScore).Should().Equal(memo.Curve.Epochs.Select(e => e.ValidationScore));
    }

    [Fact]
    public void GradientsReachTheInputsAndEverySoftAttentionParameter()
    {
        var reranker = SmallSetup.Models.Reranker(SmallSetup.TrainedSoftAttention, RerankerDesign.RichFeatures, SmallSetup.Reranker);
        var batch = NvfQueryDistribution.UniformNearestNeighbour.Draw(Database, 64, QueryStream.Evaluation);

        GradientFlowProbe.ToInputs(SmallSetup.TrainedSoftAttention, reranker.Model, batch, 5).AllNonZero.Should().BeTrue();
        foreach (var relaxation in Enum.GetValues<TopKRelaxation>())
        {
            var report = GradientFlowProbe.ToSoftAttention(SmallSetup.TrainedSoftAttention, reranker.Model, batch, 5, relaxation, 1.0, 4);
            report.Norms.Select(n => n.Key).Should().BeEquivalentTo("mlp.0.weight", "mlp.0.bias", "mlp.2.weight", "mlp.2.bias", "temperature");
            report.AllNonZero.Should().BeTrue($"{relaxation}: dead {string.Join(", ", report.Dead)}");
        }

        SmallSetup.TrainedSoftAttention.Model.Parameters().Should().OnlyContain(p => p.Grad == null, "the probe leaves the shared model without gradients");
    }

    [Fact]
    public void JointFineTuningWorksOnCopiesAndLeavesTheSeparateModelsUntouched()
    {
        var separate = SmallSetup.Models.Reranker(SmallSetup.TrainedSoftAttention, RerankerDesign.Improved, SmallSetup.Reranker);
        var before = separate.SoftAttention.Model.StateDict()["mlp.0.weight"].ToArray<float>();

        var joint = JointFineTuner.FineTune(separate, SmallSetup.Joint);
        var comparison = JointComparison.Evaluate(joint, NvfQueryDistribution.UniformNearestNeighbour.Draw(Database, 500, QueryStream.Evaluation));

        separate.SoftAttention.Model.StateDict()["mlp.0.weight"].ToArray<float>().Should().Equal(before);
        if (joint.Curve.KeptEpoch > 0)
        {
            joint.SoftAttention.Model.StateDict()["mlp.0.weight"].ToArray<float>().Should().NotEqual(before, "the kept fine-tuned state moved the copy");
        }

        joint.Curve.Epochs.Select(e => e.Epoch).Should().Equal([0, 1], "the separate state is validated as epoch 0");
        comparison.Statement.Should().Contain("joint fine-tuning").And.Contain(comparison.SeparateTop1.ToString()).And.Contain(comparison.JointTop1.ToString());
        comparison.Effect.Should().Be(
            comparison.JointTop1.Lower > comparison.SeparateTop1.Upper ? JointEffect.Helped
            : comparison.JointTop1.Upper < comparison.SeparateTop1.Lower ? JointEffect.Hurt : JointEffect.NoClearChange);
    }

    [Fact]
    public void TheMemoTrainsEachDataAndConfigOnce()
    {
        SmallSetup.Models.SoftAttention(Database, SmallSetup.SoftAttention).Should().BeSameAs(SmallSetup.TrainedSoftAttention);
        SmallSetup.Models.RandomUnitDatabase(100, 16, 42).Should().BeSameAs(SmallSetup.Models.RandomUnitDatabase(100, 16, 42));
    }

    [Fact]
    public void ClusteredErrorsAreCountedAgainstTheRightChance()
    {
        PipelineEvaluator.InClusterChance(Enumerable.Range(0, 1000).Select(i => i / 10).ToArray()).Should().BeApproximately(9.0 / 999, 1e-12);
        var (corpus, database) = SmallSetup.Models.ClusteredDatabase(10, 10, 16, 0.05, 3);
        var trained = SmallSetup.Models.SoftAttention(database, SmallSetup.SoftAttention);

        var result = PipelineEvaluator.Evaluate(trained, null, NvfQueryDistribution.UniformNearestNeighbour.Draw(database, 500, QueryStream.Evaluation), 5);

        corpus.ClusterLabels.Should().Equal(database.Clusters);
        result.InClusterChance.Should().BeApproximately(9.0 / 99, 1e-12);
        result.SoftAttentionErrorsInCluster!.Trials.Should().Be(result.SoftAttentionTop1.Trials - result.SoftAttentionTop1.Successes);
    }
}
