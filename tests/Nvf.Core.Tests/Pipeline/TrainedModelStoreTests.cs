using FluentAssertions;
using Nvf.Core.Configs;
using Nvf.Core.Pipeline;
using Nvf.Core.Training;
using Nvf.Torch.Nn;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

/// <summary>
/// The on-disk model cache behind the gate's trained models: a second run reads what the first trained, bit for bit and
/// with the same curves and evaluation; an altered file, another config or another database is trained again, and the
/// status says which happened and why.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TrainedModelStoreTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("nvf-model-store-").FullName;

    static NvfDatabase Database => SmallSetup.Database;

    static SoftAttentionConfig Attention => SmallSetup.SoftAttention with { Epochs = 2, TrainingQueries = 800 };

    static RerankerConfig RerankerConfig => SmallSetup.Reranker with { MaxEpochs = 2, TrainingQueries = 600 };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ASecondRunReadsTheFirstRunsModelsBitForBit()
    {
        var (firstStatus, secondStatus) = (new List<string>(), new List<string>());
        var first = new TrainedModels(new TrainedModelStore(folder));
        var attention = first.SoftAttention(Database, Attention, status: new SynchronousProgress<string>(firstStatus.Add));
        var reranker = first.Reranker(attention, RerankerDesign.Improved, RerankerConfig, status: new SynchronousProgress<string>(firstStatus.Add));
        var joint = first.Joint(reranker, SmallSetup.Joint with { Epochs = 1, TrainingQueries = 300, ValidationQueries = 200 }, status: new SynchronousProgress<string>(firstStatus.Add));

        var second = new TrainedModels(new TrainedModelStore(folder));
        var readAttention = second.SoftAttention(Database, Attention, status: new SynchronousProgress<string>(secondStatus.Add));
        var readReranker = second.Reranker(readAttention, RerankerDesign.Improved, RerankerConfig, status: new SynchronousProgress<string>(secondStatus.Add));
        var readJoint = second.Joint(readReranker, SmallSetup.Joint with { Epochs = 1, TrainingQueries = 300, ValidationQueries = 200 }, status: new SynchronousProgress<string>(secondStatus.Add));

        firstStatus.Should().HaveCount(3).And.OnlyContain(s => s.Contains("trained (no trained model stored", StringComparison.Ordinal));
        secondStatus.Should().HaveCount(3).And.OnlyContain(s => s.Contains("read from the model cache", StringComparison.Ordinal));
        Parameters(readAttention.Model).Should().Equal(Parameters(attention.Model));
        Parameters(readReranker.Model).Should().Equal(Parameters(reranker.Model));
        Parameters(readJoint.SoftAttention.Model).Should().Equal(Parameters(joint.SoftAttention.Model));
        Parameters(readJoint.Reranker).Should().Equal(Parameters(joint.Reranker));
        readReranker.TrainingQueries.Should().Be(reranker.TrainingQueries);
        readReranker.Curve.Epochs.Should().Equal(reranker.Curve.Epochs);
        readReranker.Curve.KeptEpoch.Should().Be(reranker.Curve.KeptEpoch);
        readJoint.Curve.Epochs.Should().Equal(joint.Curve.Epochs);
        readJoint.Curve.KeptEpoch.Should().Be(joint.Curve.KeptEpoch);
        readAttention.Curve.Title.Should().EndWith("(from the model cache)");

        var queries = NvfQueryDistribution.UniformNearestNeighbour.Draw(Database, 500, QueryStream.Evaluation);
        var fresh = PipelineEvaluator.Evaluate(attention, reranker.Model, queries, RerankerConfig.CandidateCount);
        var read = PipelineEvaluator.Evaluate(readAttention, readReranker.Model, queries, RerankerConfig.CandidateCount);
        read.PipelineTop1.Should().Be(fresh.PipelineTop1);
        read.SoftAttentionTop1.Should().Be(fresh.SoftAttentionTop1);
    }

    [Fact]
    public void AnAlteredFileIsTrainedAgainAndTheReasonSaid()
    {
        var trained = new TrainedModels(new TrainedModelStore(folder)).SoftAttention(Database, Attention);
        var file = Directory.GetFiles(folder, "soft-attention.pt", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var status = new List<string>();
        var again = new TrainedModels(new TrainedModelStore(folder)).SoftAttention(Database, Attention, status: new SynchronousProgress<string>(status.Add));

        status.Should().ContainSingle().Which.Should().Contain("does not match the SHA-256").And.Contain(file);
        Parameters(again.Model).Should().Equal(Parameters(trained.Model), "training is deterministic for a fixed config");
        var reread = new List<string>();
        new TrainedModels(new TrainedModelStore(folder)).SoftAttention(Database, Attention, status: new SynchronousProgress<string>(reread.Add));
        reread.Should().ContainSingle().Which.Should().Contain("read from the model cache", "the retrained model replaced the altered file");
    }

    [Fact]
    public void AnotherConfigOrAnotherDatabaseIsNotServedFromTheStore()
    {
        new TrainedModels(new TrainedModelStore(folder)).SoftAttention(Database, Attention);
        var status = new List<string>();
        var models = new TrainedModels(new TrainedModelStore(folder));

        models.SoftAttention(Database, Attention with { Seed = Attention.Seed + 1 }, status: new SynchronousProgress<string>(status.Add));
        models.SoftAttention(NvfDatabase.RandomUnit(100, 16, 43), Attention, status: new SynchronousProgress<string>(status.Add));

        status.Should().HaveCount(2).And.OnlyContain(s => s.StartsWith("soft-attention trained (no trained model stored", StringComparison.Ordinal));
        Directory.GetDirectories(folder).Should().HaveCount(3);
    }

    [Fact]
    public void AnEntryOfAnEarlierBuildIsRemovedWhenItsSuccessorIsStored()
    {
        var store = new TrainedModelStore(folder);
        using var model = new SoftAttentionModel(16, 8, 0.1, new global::Nvf.Torch.Generator(1));
        var curve = new TrainingCurve("c");
        var earlier = store.Put("m", TrainedModelStore.KeyOf("earlier build"), "same model", new Dictionary<string, Module> { ["m"] = model }, new Dictionary<string, TrainingCurve> { ["c"] = curve });
        var other = store.Put("m", TrainedModelStore.KeyOf("another model"), "another model", new Dictionary<string, Module> { ["m"] = model }, new Dictionary<string, TrainingCurve> { ["c"] = curve });

        var later = store.Put("m", TrainedModelStore.KeyOf("later build"), "same model", new Dictionary<string, Module> { ["m"] = model }, new Dictionary<string, TrainingCurve> { ["c"] = curve });

        Directory.Exists(earlier).Should().BeFalse("an entry of the same description under another key is never read again");
        Directory.Exists(later).Should().BeTrue();
        Directory.Exists(other).Should().BeTrue("another description is another model");
    }

    [Fact]
    public void AnEntryAnotherBuildStoredIsRemovedEvenUnderAnotherDescription()
    {
        // A run on generated data is described with the data's content key, which changes with the build: the earlier
        // build's entry has another description as well as another key, and this build can never read it.
        var store = new TrainedModelStore(folder);
        using var model = new SoftAttentionModel(16, 8, 0.1, new global::Nvf.Torch.Generator(1));
        var curve = new TrainingCurve("c");
        var earlier = store.Put("m", TrainedModelStore.KeyOf("data of build 1"), "data of build 1", new Dictionary<string, Module> { ["m"] = model }, new Dictionary<string, TrainingCurve> { ["c"] = curve });
        var record = Path.Combine(earlier, "record.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(record))!.AsObject();
        var code = json.Single(p => string.Equals(p.Key, "code", StringComparison.OrdinalIgnoreCase)).Key;
        json[code]!.GetValue<string>().Should().Be(TrainedModelStore.CodeIdentity, "an entry records the build that stored it");
        json[code] = "an earlier build";
        File.WriteAllText(record, json.ToJsonString());
        var sameBuild = store.Put("m", TrainedModelStore.KeyOf("another model"), "another model", new Dictionary<string, Module> { ["m"] = model }, new Dictionary<string, TrainingCurve> { ["c"] = curve });

        var later = store.Put("m", TrainedModelStore.KeyOf("data of build 2"), "data of build 2", new Dictionary<string, Module> { ["m"] = model }, new Dictionary<string, TrainingCurve> { ["c"] = curve });

        Directory.Exists(earlier).Should().BeFalse("its record names another build");
        Directory.Exists(sameBuild).Should().BeTrue("an entry of this build under another description is another model");
        Directory.Exists(later).Should().BeTrue();
    }

    [Fact]
    public void TheKeyCoversTheCodeAndEveryByteOfTheData()
    {
        var key = TrainedModelStore.KeyOf("config", TrainedModelStore.Bytes(new[] { 1f, 2f }));

        key.Should().MatchRegex("^[0-9a-f]{64}$");
        TrainedModelStore.KeyOf("config", TrainedModelStore.Bytes(new[] { 1f, 2f })).Should().Be(key);
        TrainedModelStore.KeyOf("config", TrainedModelStore.Bytes(new[] { 1f, 2.0000002f })).Should().NotBe(key);
        TrainedModelStore.KeyOf("config ", TrainedModelStore.Bytes(new[] { 1f, 2f })).Should().NotBe(key);
        TrainedModelStore.KeyOf("config", TrainedModelStore.Bytes(new[] { 1f }), TrainedModelStore.Bytes(new[] { 2f })).Should().NotBe(key, "parts are delimited by their lengths");
        TrainedModelStore.CodeIdentity.Should().Contain("libtorch").And.Contain("blas");
    }

    static float[] Parameters(Module module) =>
        [.. module.StateDict().OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.ToArray<float>())];
}
