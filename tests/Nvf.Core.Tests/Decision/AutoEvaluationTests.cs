using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Core.Tests.InfoNce;
using Nvf.Core.Tests.Pipeline;
using Nvf.Core.Training;
using Xunit;

namespace Nvf.Core.Tests.Decision;

[Collection(TorchCollection.Name)]
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
        SmallGate.Cache.Open(SmallGate.Config(), null, SmallGate.Folder).Should().BeSameAs(session);
        var key = new ModelRunKey(EncoderKind.Mlp, TrainingObjective.PureInfoNce, TrainingTargets.Aligned, SmallGate.Settings());
        session.Train(key, 1).Should().BeSameAs(session.Train(key with { Settings = SmallGate.Settings() }, 1));
    }

    [Fact]
    public void Configs_that_differ_only_in_nprobe_share_the_workspace_and_the_trained_model_but_not_the_measurement()
    {
        var session = SmallGate.Session();
        var config = SmallGate.Config();
        var narrow = SmallGate.Cache.Open(config with { Retrieval = config.Retrieval with { Nprobe = 1 } }, null, SmallGate.Folder);
        narrow.Should().NotBeSameAs(session);
        narrow.Workspace.Should().BeSameAs(session.Workspace, "the index and the models do not depend on nprobe");
        var key = new ModelRunKey(EncoderKind.Mlp, TrainingObjective.PureInfoNce, TrainingTargets.Aligned, SmallGate.Settings());
        var wide = session.Measure(key, 1);
        var probed = narrow.Measure(key, 1);
        probed.Predictions.Should().BeSameAs(wide.Predictions, "one training, measured twice");
        probed.Ivf.IndexDescription.Should().EndWith("nprobe 1");
        wide.Ivf.IndexDescription.Should().EndWith("nprobe 64");
        probed.Ivf.RecallAt5.Successes.Should().BeLessThanOrEqualTo(wide.Ivf.RecallAt5.Successes, "probing 1 list cannot find more than probing 64");
        session.Index.Nprobe.Should().Be(64, "each session sets its own nprobe on the shared index before searching");
    }

    [Fact]
    public void Recall_by_nprobe_sweeps_powers_of_two_on_the_same_predictions()
    {
        var session = SmallGate.Session();
        var key = new ModelRunKey(EncoderKind.Mlp, TrainingObjective.PureInfoNce, TrainingTargets.Aligned, SmallGate.Settings());
        var sweep = session.RecallByNprobe(key, 1);
        sweep.Select(p => p.Nprobe).Should().Equal(InfoNceWorkspace.NprobeSweep.Where(n => n <= session.Index.ListCount));
        sweep[0].Report.RecallAt5.Successes.Should().BeLessThan(sweep[^1].Report.RecallAt5.Successes, "one list of 120 misses targets that 64 lists find");
        sweep[^1].Report.RecallAt5.Successes.Should().Be(session.Measure(key, 1).Ivf.RecallAt5.Successes);
        sweep[^1].Report.Seconds.Should().Be(session.Measure(key, 1).Ivf.Seconds, "the sweep's point at the session's nprobe is the measurement's own search, not a second one");
        sweep[^1].Report.IndexDescription.Should().EndWith("at nprobe 64", "a reused search keeps its caller's description");
        InfoNcePlots.RecallByNprobe("sweep", sweep).Should().StartWith("<svg");
    }

    [Fact]
    public void Training_reports_progress_each_quarter_epoch_and_its_cpu_time()
    {
        var session = SmallGate.Session();
        var reports = new List<TrainingProgress>();
        var key = new ModelRunKey(EncoderKind.Mlp, TrainingObjective.PureInfoNce, TrainingTargets.Aligned, SmallGate.Settings() with { Seed = 12 });
        var measured = session.Measure(key, 1, new SynchronousProgress<TrainingProgress>(reports.Add));
        var steps = session.Train(key, 1).StepsPerEpoch;
        reports.Should().HaveCount(steps >= 4 ? 4 : steps, "three quarter-epoch reports and the epoch's end");
        reports[^1].Epoch.Should().Be(1);
        reports[^1].TrainingLoss.Should().BeApproximately(measured.TrainingLoss, 1e-9);
        measured.EpochCpuSeconds.Should().BePositive();
        session.Train(key, 1).StepLosses.Should().HaveCount(steps);
    }

    [Fact]
    public void A_stale_index_finds_nothing_and_the_flat_ablation_finds_what_it_missed()
    {
        var config = SmallGate.Config();
        config = config with { Retrieval = config.Retrieval with { Fault = IndexFault.StaleRowOrder } };
        var session = SmallGate.Cache.Open(config, null, SmallGate.Folder);
        session.Workspace.Should().BeSameAs(SmallGate.Session().Workspace);
        var report = AutoEvaluation.Run(session, config, EncoderKind.Attention, TrainingObjective.PureInfoNce);
        report.EpochOne.Ivf.RecallAt5.Successes.Should().Be(0, "the stale ids name other rows");
        report.EpochOne.Ivf.IndexDescription.Should().Contain("STALE");
        report.Decision.Should().Be(DecisionGate.Decide(0, report.EpochOne.Separation.Delta));
        var flat = session.FlatRetrieval(report.Run.Key, 1);
        flat.RecallAt5.Successes.Should().BeGreaterThan(0, "the exact index is rebuilt from the current payload");
        if (report.Decision == GateDecision.CheckFlatIndex)
            report.FlatVerdict.Should().Be(FlatAblationVerdict.AnnIsTheIssue);
        SmallGate.Session().Measure(report.Run.Key, 1).RecallAt5.Should().BePositive("the same predictions through the index as built do retrieve");
    }

    [Fact]
    public void Flat_retrieval_of_the_same_predictions_finds_at_least_what_ivf_finds()
    {
        var session = SmallGate.Session();
        var key = new ModelRunKey(EncoderKind.Mlp, TrainingObjective.PureInfoNce, TrainingTargets.Aligned, SmallGate.Settings());
        var ivf = session.Measure(key, 1).Ivf;
        var flat = session.FlatRetrieval(key, 1);
        flat.IndexDescription.Should().Contain("Flat");
        flat.RecallAt5.Successes.Should().BeGreaterThanOrEqualTo(ivf.RecallAt5.Successes);
    }
}
