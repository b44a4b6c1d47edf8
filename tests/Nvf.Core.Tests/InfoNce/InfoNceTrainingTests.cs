using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Torch;
using Xunit;

namespace Nvf.Core.Tests.InfoNce;

[Collection(TorchCollection.Name)]
public class InfoNceTrainingTests
{
    [Fact]
    public void Gradient_caching_over_4_micro_batches_takes_the_same_step_as_one_batch_of_1024_style_full_softmax()
    {
        // Same 128 samples, one optimizer step: 32 x 4 with cached gradients vs 128 x 1 directly.
        var data = SmallGate.Session().Data;
        var samples = Subset(data.Training!, 128);
        var accumulated = TrainOneStep(samples, SmallGate.Settings(microBatch: 32, accumulation: 4, articleDropout: 0, spanCorruption: 0));
        var direct = TrainOneStep(samples, SmallGate.Settings(microBatch: 128, accumulation: 1, articleDropout: 0, spanCorruption: 0));
        var probe = Subset(data.Eval, 64);
        var a = ModelInference.Predict(accumulated.Model.Query, probe).Data;
        var b = ModelInference.Predict(direct.Model.Query, probe).Data;
        accumulated.Dispose();
        direct.Dispose();
        a.Zip(b, (x, y) => Math.Abs(x - y)).Max().Should().BeLessThan(1e-4f, "the 128-way softmax and its gradient are the same either way");
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed_and_does_not_leak_tensors()
    {
        var data = SmallGate.Session().Data;
        var before = Tensor.LiveCount;
        float[] Run()
        {
            using var training = new InfoNceTraining(new InfoNceModel(EncoderKind.Mlp, TrainingObjective.PureInfoNce, SmallGate.Settings(), 5, 768), data.Training!);
            training.RunEpoch();
            var afterOne = Tensor.LiveCount;
            training.RunEpoch();
            Tensor.LiveCount.Should().Be(afterOne, "an epoch leaves no tensor behind");
            return training.Predict(data.Eval).Data;
        }

        Run().Should().Equal(Run());
        Tensor.LiveCount.Should().Be(before);
    }

    [Theory]
    [InlineData(TrainingObjective.V1Split)]
    [InlineData(TrainingObjective.TwoTower)]
    public void Every_objective_trains_its_extra_modules(TrainingObjective objective)
    {
        var data = SmallGate.Session().Data;
        using var training = new InfoNceTraining(new InfoNceModel(EncoderKind.Attention, objective, SmallGate.Settings(), 5, 768), data.Training!);
        var extra = objective == TrainingObjective.TwoTower ? training.Model.Payload!.Parameters().First() : training.Model.Parameters().Last();
        var initial = extra.ToArray<float>();
        var record = training.RunEpoch();
        double.IsFinite(record.TrainingLoss).Should().BeTrue();
        extra.ToArray<float>().Should().NotEqual(initial, "the loss reaches the payload tower / projection head");
    }

    [Fact]
    public void Refuses_fewer_samples_than_one_effective_batch()
    {
        var data = SmallGate.Session().Data;
        var model = new InfoNceModel(EncoderKind.Mlp, TrainingObjective.PureInfoNce, SmallGate.Settings(), 5, 768);
        FluentActions.Invoking(() => new InfoNceTraining(model, Subset(data.Training!, 100))).Should().Throw<ArgumentException>().WithMessage("*effective batch of 128*");
        model.Dispose();
    }

    private static InfoNceTraining TrainOneStep(EvalSet samples, InfoNceSettings settings)
    {
        var training = new InfoNceTraining(new InfoNceModel(EncoderKind.Attention, TrainingObjective.PureInfoNce, settings, 5, 768), samples);
        training.RunEpoch();
        training.StepsPerEpoch.Should().Be(1);
        return training;
    }

    private static EvalSet Subset(EvalSet set, int count)
    {
        var size = set.ContextLength * set.Dimension;
        return new EvalSet(set.Contexts[..(count * size)], set.ContextLength,
            new VectorSet(set.Targets.Data[..(count * set.Dimension)], count, set.Dimension), set.TruthKeys[..count]);
    }
}
