using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Core.Training;
using Xunit;

namespace Nvf.Core.Tests.InfoNce;

/// <summary>
/// InfoNCE runs on generated data kept in the model cache: a later workspace reads the epochs a first one trained and
/// measures the same; asked for more epochs than were stored, it trains again from the start (never on from weights
/// without their optimizer state) and gets the same epochs; the two-tower run's payload tower comes back with it; a
/// researcher's files are never stored.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class InfoNceRunCacheTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("nvf-infonce-store-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static GateData Data => SmallGate.Session().Workspace.Data;

    [Fact]
    public void A_later_workspace_reads_the_trained_epochs_and_measures_the_same()
    {
        var key = new ModelRunKey(EncoderKind.Mlp, TrainingObjective.PureInfoNce, TrainingTargets.Aligned, SmallGate.Settings() with { Seed = 21 });
        var (firstStatus, secondStatus) = (new List<string>(), new List<string>());
        using var first = new InfoNceWorkspace(Data, new TrainedModelStore(folder)) { Status = new SynchronousProgress<string>(firstStatus.Add) };
        var trained = first.Train(key, 2);
        var trainedR5 = new InfoNceSession(first, SmallGate.Config().Retrieval).Measure(key, 2).Ivf.RecallAt5;

        using var second = new InfoNceWorkspace(Data, new TrainedModelStore(folder)) { Status = new SynchronousProgress<string>(secondStatus.Add) };
        var read = second.Train(key, 2);

        trained.ReadFrom.Should().BeNull();
        firstStatus.Should().Contain(s => s.Contains("2 epoch(s) stored in the model cache", StringComparison.Ordinal));
        read.ReadFrom.Should().NotBeNull();
        read.Training.Should().BeNull("a run read from the cache holds no live model");
        secondStatus.Should().Contain(s => s.Contains("2 epoch(s) read from the model cache", StringComparison.Ordinal));
        read.Epochs.Select(e => (e.Epoch, e.TrainingLoss, e.Seconds, e.CpuSeconds)).Should().Equal(trained.Epochs.Select(e => (e.Epoch, e.TrainingLoss, e.Seconds, e.CpuSeconds)));
        for (var e = 1; e <= 2; e++)
            read.At(e).Predictions.Data.Should().Equal(trained.At(e).Predictions.Data);
        read.StepLosses.Should().Equal(trained.StepLosses);
        read.StepsPerEpoch.Should().Be(trained.StepsPerEpoch);
        new InfoNceSession(second, SmallGate.Config().Retrieval).Measure(key, 2).Ivf.RecallAt5.Should().Be(trainedR5);
        second.Train(key, 1).Should().BeSameAs(read, "fewer epochs than were stored are served by the same run");

        var more = second.Train(key, 3);

        more.ReadFrom.Should().BeNull("the third epoch needs the optimizer's state, which is not stored");
        secondStatus.Should().Contain(s => s.Contains("training again from epoch 1", StringComparison.Ordinal));
        more.At(2).Predictions.Data.Should().Equal(trained.At(2).Predictions.Data, "training again from the start gives the same epochs");
        using var third = new InfoNceWorkspace(Data, new TrainedModelStore(folder));
        third.Train(key, 3).ReadFrom.Should().NotBeNull("the longer run replaced the stored one");
    }

    [Fact]
    public void The_two_tower_runs_payload_tower_comes_back_with_it()
    {
        var key = new ModelRunKey(EncoderKind.Attention, TrainingObjective.TwoTower, TrainingTargets.Aligned, SmallGate.Settings() with { Seed = 22 });
        var retrieval = SmallGate.Config().Retrieval;
        using var first = new InfoNceWorkspace(Data, new TrainedModelStore(folder));
        var trained = new InfoNceSession(first, retrieval).Measure(key, 1);
        var trainedFlat = first.FlatRetrieval(key, 1, retrieval.Seed, retrieval.TopK);

        using var second = new InfoNceWorkspace(Data, new TrainedModelStore(folder));
        var read = new InfoNceSession(second, retrieval).Measure(key, 1);

        second.Train(key, 1).ReadFrom.Should().NotBeNull();
        read.EvalKeys.Data.Should().Equal(trained.EvalKeys.Data, "P(targets) is stored with the predictions");
        read.Ivf.RecallAt5.Should().Be(trained.Ivf.RecallAt5, "the P(payload) index is rebuilt from the stored tower");
        second.FlatRetrieval(key, 1, retrieval.Seed, retrieval.TopK).RecallAt5.Should().Be(trainedFlat.RecallAt5);
    }

    [Fact]
    public void A_researchers_files_are_never_stored()
    {
        var data = Data;
        var files = new GateData
        {
            Source = data.Source, PayloadRows = data.PayloadRows, Eval = data.Eval, EvalFile = data.EvalFile, Keys = data.Keys, FirstCopyOf = data.FirstCopyOf,
            Split = data.Split, Training = data.Training, IndexFile = data.IndexFile, Generators = [], Files = data.Files,
        };

        data.ContentKey.Should().NotBeNull("generated data is keyed by its spec and generator");
        new InfoNceWorkspace(data, new TrainedModelStore(folder)).Store.Should().NotBeNull();
        new InfoNceWorkspace(files, new TrainedModelStore(folder)).Store.Should().BeNull("files without a content key are not hashed, so nothing trained on them is kept");
    }
}
