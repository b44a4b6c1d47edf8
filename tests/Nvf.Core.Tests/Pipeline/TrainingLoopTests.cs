using FluentAssertions;
using Nvf.Core.Training;
using Nvf.Torch;
using Nvf.Torch.Nn;
using Nvf.Torch.Optim;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

[Collection(TorchCollection.Name)]
public sealed class TrainingLoopTests
{
    [Fact]
    public void ValidationSplitIsDisjointCoveringAndSeeded()
    {
        var split = ValidationSplit.Make(1000, 0.1, 5);

        split.Validation.Should().HaveCount(100);
        split.Training.Concat(split.Validation).Should().BeEquivalentTo(Enumerable.Range(0, 1000));
        ValidationSplit.Make(1000, 0.1, 5).Validation.Should().Equal(split.Validation);
        ValidationSplit.Make(1000, 0.1, 6).Validation.Should().NotEqual(split.Validation);
    }

    [Fact]
    public void EveryEpochVisitsEachExampleOnceInASeededOrder()
    {
        var first = Batches(seed: 9);
        var again = Batches(seed: 9);

        first.Should().HaveCount(3 * 4, "10 examples in batches of 3 make 4 batches (the last short) per epoch");
        first.Select(b => string.Join(",", b)).Should().Equal(again.Select(b => string.Join(",", b)));
        for (var epoch = 0; epoch < 3; epoch++)
        {
            first.Skip(epoch * 4).Take(4).SelectMany(b => b).Should().BeEquivalentTo(Enumerable.Range(100, 10));
        }

        first.Take(4).SelectMany(b => b).Should().NotEqual(first.Skip(4).Take(4).SelectMany(b => b), "each epoch reshuffles");
    }

    [Fact]
    public void ProgressHearsOfEachEpochInOrderWithItsLossAndScore()
    {
        var heard = new List<TrainingProgress>();
        var losses = new Queue<double>([3.0, 2.0, 1.0]);
        var scores = new Queue<double>([0.2, 0.4]);

        MinibatchLoop.Run("toy", [0, 1, 2], batchSize: 3, maxEpochs: 2, seed: 1,
            step: _ => losses.Dequeue(), validate: () => scores.Dequeue(), progress: new SynchronousProgress<TrainingProgress>(heard.Add));

        heard.Select(p => p.Epoch).Should().Equal(1, 2);
        heard.Select(p => p.TrainingLoss).Should().Equal(3.0, 2.0);
        heard.Select(p => p.ValidationScore).Should().Equal(0.2, 0.4);
        heard.Should().OnlyContain(p => p.Title == "toy" && p.MaxEpochs == 2);
        heard[1].ToString().Should().StartWith("toy: epoch 2/2, loss 2.0000, validation 0.4000, ");
    }

    [Fact]
    public void AnOptimizerStepClearsOldGradientsStepsAndReturnsTheLoss()
    {
        using var weight = Tensor.From([2f], 1).RequireGrad().DetachFromDisposeScope();
        using var optimizer = new Adam([weight], lr: 0.1);

        // loss = 3 w², dloss/dw = 6 w = 12 > 0: Adam's first step moves w down by lr.
        var loss = OptimizerStep.Run(optimizer, () => (weight.Square() * 3).Sum());
        var second = OptimizerStep.Run(optimizer, () => (weight.Square() * 3).Sum());

        loss.Should().BeApproximately(12, 1e-5);
        second.Should().BeApproximately(3 * 1.9 * 1.9, 1e-4, "the first step moved w from 2 to 1.9");
        weight.Grad!.ToArray<float>()[0].Should().BeApproximately(6 * 1.9f, 1e-4f, "the second step's gradient alone: the first was cleared, not accumulated");
    }

    [Fact]
    public void EarlyStoppingStopsAfterPatienceAndRestoresTheBestState()
    {
        using var generator = new Generator(1);
        using var layer = new Linear(2, 1, generator: generator);
        using var stopping = new EarlyStopping(layer, patience: 2);
        var scores = new[] { 0.1, 0.5, 0.7, 0.6, 0.65, 0.9 }; // [0]: the initial state
        var valueAtEpoch = new List<float>();

        var curve = MinibatchLoop.Run(
            "toy",
            [0, 1, 2],
            batchSize: 3,
            maxEpochs: scores.Length - 1,
            seed: 1,
            step: _ =>
            {
                // Each epoch moves the weight; the validation score says which state was best.
                using (new NoGradScope())
                {
                    layer.Weight.Fill(valueAtEpoch.Count + 1);
                }

                valueAtEpoch.Add(valueAtEpoch.Count + 1);
                return 1.0 / valueAtEpoch.Count;
            },
            validate: () => scores[valueAtEpoch.Count],
            stopping: stopping);

        curve.Epochs.Select(e => e.Epoch).Should().Equal([0, 1, 2, 3, 4], "epochs 3 and 4 did not beat epoch 2, patience 2 stops after epoch 4");
        curve.StoppedEarly.Should().BeTrue();
        curve.KeptEpoch.Should().Be(2);
        layer.Weight.ToArray<float>().Should().AllBeEquivalentTo(2f, "the state of epoch 2 is restored");
        curve.Epochs.Skip(1).Select(e => e.TrainingLoss).Should().Equal(1.0, 0.5, 1.0 / 3, 0.25);
        double.IsNaN(curve.Epochs[0].TrainingLoss).Should().BeTrue("nothing was trained before epoch 1");
    }

    [Fact]
    public void PatienceZeroRunsEveryEpochYetKeepsTheBest()
    {
        using var generator = new Generator(1);
        using var layer = new Linear(1, 1, generator: generator);
        using var stopping = new EarlyStopping(layer, patience: 0);
        var epoch = 0;
        var curve = MinibatchLoop.Run("toy", [0], 1, 5, 1, _ => { using (new NoGradScope()) { layer.Weight.Fill(++epoch); } return 0; }, () => epoch == 3 ? 1.0 : 0.1, stopping);

        curve.Epochs.Should().HaveCount(6, "the initial state and 5 epochs");
        curve.StoppedEarly.Should().BeFalse();
        layer.Weight.ToSingle().Should().Be(3f);
    }

    [Fact]
    public void AModelThatOnlyGetsWorseIsReturnedAsItStarted()
    {
        using var generator = new Generator(1);
        using var layer = new Linear(1, 1, generator: generator);
        var start = layer.Weight.ToSingle();
        using var stopping = new EarlyStopping(layer, patience: 2);
        var epoch = 0;
        var curve = MinibatchLoop.Run("toy", [0], 1, 10, 1, _ => { using (new NoGradScope()) { layer.Weight.Fill(100 + ++epoch); } return 0; }, () => 1.0 / (1 + epoch), stopping);

        curve.KeptEpoch.Should().Be(0);
        curve.Epochs.Should().HaveCount(3, "patience 2 stops after epoch 2");
        layer.Weight.ToSingle().Should().Be(start);
    }

    [Fact]
    public void CurvesRefuseOutOfOrderEpochs()
    {
        var curve = new TrainingCurve("t");
        curve.Add(new EpochRecord(1, 1, double.NaN, 0.1));

        FluentActions.Invoking(() => curve.Add(new EpochRecord(3, 1, double.NaN, 0.2))).Should().Throw<ArgumentException>().WithMessage("*expected epoch 2*");
        FluentActions.Invoking(() => new TrainingCurve("t").Add(new EpochRecord(2, 1, double.NaN, 0.1))).Should().Throw<ArgumentException>().WithMessage("*expected epoch 1*");
    }

    static List<int[]> Batches(ulong seed)
    {
        var batches = new List<int[]>();
        MinibatchLoop.Run("batches", Enumerable.Range(100, 10).ToArray(), 3, 3, seed, b => { batches.Add(b); return 0; });
        return batches;
    }
}
