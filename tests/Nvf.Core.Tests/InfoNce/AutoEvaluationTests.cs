using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.InfoNce;
using Xunit;

namespace Nvf.Core.Tests.InfoNce;

[Collection(nameof(TorchCollection))]
public class AutoEvaluationTests
{
    [Fact]
    public void A_model_trained_on_real_targets_learns_and_is_not_sent_to_the_pivot()
    {
        var report = AutoEvaluation.Run(SmallGate.Session(), SmallGate.Config(), EncoderKind.Attention, TrainingObjective.PureInfoNce);
        report.EpochOne.Separation.Delta.Should().BeGreaterThan(SuccessCriteria.MinimumDelta);
        report.EpochOne.RecallAt5.Should().BeGreaterThan(0);
        report.Decision.Should().BeOneOf(GateDecision.ContinueTraining, GateDecision.TrainMoreEpochs);
        report.TwoTower.Should().BeNull();
        report.Path.Select(p => p.Step).Should().StartWith(["train", "separation", "IVF retrieval", "decision"]);
    }

    [Fact]
    public void Shuffled_targets_cannot_be_learned_and_the_pivot_is_carried_out()
    {
        var report = AutoEvaluation.Run(SmallGate.Session(TrainingTargets.Shuffled), SmallGate.Config(TrainingTargets.Shuffled), EncoderKind.Attention, TrainingObjective.PureInfoNce);
        report.EpochOne.Separation.Delta.Should().BeLessThan(DecisionGate.FlatCheckDelta);
        report.EpochOne.RecallAt5.Should().Be(0);
        report.Decision.Should().Be(GateDecision.PivotToTwoTower);
        report.TwoTower.Should().NotBeNull("the pivot trains and evaluates the two-tower model");
        report.TwoTower!.Ivf.IndexDescription.Should().Contain("P(payload)");
        report.Path[^1].Step.Should().Be("two-tower");
    }

    [Fact]
    public void Equal_configs_share_one_session_and_one_trained_model()
    {
        var session = SmallGate.Session();
        InfoNceSessions.Open(SmallGate.Config(), null, Path.GetTempPath()).Should().BeSameAs(session);
        var key = new ModelRunKey(EncoderKind.Mlp, TrainingObjective.PureInfoNce, TrainingTargets.Aligned, SmallGate.Settings());
        session.Train(key, 1).Should().BeSameAs(session.Train(key with { Settings = SmallGate.Settings() }, 1));
    }

    [Fact]
    public void Flat_retrieval_of_the_same_predictions_finds_at_least_what_ivf_finds()
    {
        var session = SmallGate.Session();
        var key = new ModelRunKey(EncoderKind.Mlp, TrainingObjective.PureInfoNce, TrainingTargets.Aligned, SmallGate.Settings());
        var ivf = session.Train(key, 1).At(1).Ivf;
        var flat = session.FlatRetrieval(key, 1);
        flat.IndexDescription.Should().Contain("Flat");
        flat.RecallAt5.Successes.Should().BeGreaterThanOrEqualTo(ivf.RecallAt5.Successes);
    }
}
