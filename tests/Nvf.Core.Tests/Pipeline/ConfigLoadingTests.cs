using FluentAssertions;
using Nvf.Core.Configs;
using Nvf.Core.Pipeline;
using Xunit;

namespace Nvf.Core.Tests.Pipeline;

public sealed class ConfigLoadingTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("nvf-config-").FullName;

    [Fact]
    public void TheCommittedConfigsLoadWithTheSeedsNumbers()
    {
        var soft = SoftAttentionConfig.Load(ConfigDirectory.PathOf("nvf-soft-attention.seed.json"));
        soft.Should().BeEquivalentTo(new { Hidden = 128, InitialTemperature = 0.1, Epochs = 50, BatchSize = 256, LearningRate = 1e-3, TrainingQueries = 50000, Loss = SoftAttentionLoss.CrossEntropyOnLogits });
        soft.Name.Should().Be("nvf-soft-attention.seed.json");

        var seed = RerankerConfig.Load(ConfigDirectory.PathOf("nvf-reranker.seed.json"));
        seed.Should().BeEquivalentTo(new { Hidden = 128, Dropout = 0.1, CandidateCount = 5, MaxEpochs = 20, TrainingQueries = 100000, ValidationFraction = 0.1 });
        RerankerConfig.Load(ConfigDirectory.PathOf("nvf-reranker.improved.json")).Patience.Should().BeGreaterThan(0);
        JointFineTuneConfig.Load(ConfigDirectory.PathOf("nvf-joint.finetune.json")).Relaxation.Should().Be(TopKRelaxation.StraightThrough);
    }

    [Fact]
    public void AMissingFieldIsNamedWithItsFile()
    {
        var path = Write("broken.json", Without(ConfigDirectory.PathOf("nvf-soft-attention.seed.json"), "\"epochs\""));

        FluentActions.Invoking(() => SoftAttentionConfig.Load(path)).Should().Throw<ConfigException>().WithMessage("broken.json: field 'epochs' is missing*");
    }

    [Fact]
    public void AnUnknownFieldIsRefused()
    {
        var text = File.ReadAllText(ConfigDirectory.PathOf("nvf-joint.finetune.json")).Replace("\"epochs\"", "\"epocs\": 1, \"epochs\"", StringComparison.Ordinal);

        FluentActions.Invoking(() => JointFineTuneConfig.Load(Write("typo.json", text))).Should().Throw<ConfigException>().WithMessage("typo.json: unknown field(s) 'epocs'*");
    }

    [Theory]
    [InlineData("\"dropout\": 0.1", "\"dropout\": 1.5", "field 'dropout' is 1.5; expected a number in [0, 0.99]")]
    [InlineData("\"hidden\": 128", "\"hidden\": \"wide\"", "field 'hidden' is \"wide\"; expected an integer")]
    [InlineData("\"seed\": 2", "\"seed\": -2", "field 'seed' is -2; expected a non-negative integer seed")]
    public void ABadValueSaysWhatWasExpected(string good, string bad, string message)
    {
        var text = File.ReadAllText(ConfigDirectory.PathOf("nvf-reranker.seed.json")).Replace(good, bad, StringComparison.Ordinal);

        FluentActions.Invoking(() => RerankerConfig.Load(Write("bad.json", text))).Should().Throw<ConfigException>().WithMessage("bad.json: " + message);
    }

    [Fact]
    public void AnUnknownLossListsTheChoices()
    {
        var text = File.ReadAllText(ConfigDirectory.PathOf("nvf-soft-attention.seed.json")).Replace("\"cross-entropy-on-logits\"", "\"mse\"", StringComparison.Ordinal);

        FluentActions.Invoking(() => SoftAttentionConfig.Load(Write("loss.json", text))).Should().Throw<ConfigException>()
            .WithMessage("loss.json: field 'loss' is \"mse\"; expected one of cross-entropy-on-logits, seed-log-softmax");
    }

    [Fact]
    public void MissingFilesAndInvalidJsonAreNamed()
    {
        FluentActions.Invoking(() => SoftAttentionConfig.Load(Path.Combine(folder, "absent.json"))).Should().Throw<ConfigException>().WithMessage("absent.json: run config not found*");
        FluentActions.Invoking(() => SoftAttentionConfig.Load(Write("torn.json", "{ \"hidden\": "))).Should().Throw<ConfigException>().WithMessage("torn.json: not valid JSON*");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    static string Without(string path, string field) =>
        string.Join('\n', File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith(field, StringComparison.Ordinal)));
}
