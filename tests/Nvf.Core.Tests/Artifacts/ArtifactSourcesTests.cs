using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Artifacts;

public class ArtifactSourcesTests
{
    [Fact]
    public void No_variable_means_generated_data()
    {
        ArtifactSources.FromEnvironment(_ => null).Should().BeNull();
    }

    [Fact]
    public void A_payload_without_an_eval_set_names_the_missing_variable()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("p.npy"), "");
        var env = Env(("NVF_PAYLOAD", folder.File("p.npy")));
        FluentActions.Invoking(() => ArtifactSources.FromEnvironment(env)).Should().Throw<ArtifactException>().WithMessage("*NVF_EVAL*");
    }

    [Fact]
    public void A_missing_file_names_the_variable_and_the_path()
    {
        var env = Env(("NVF_PAYLOAD", "/no/such/payload.npy"));
        FluentActions.Invoking(() => ArtifactSources.FromEnvironment(env)).Should().Throw<ArtifactException>().WithMessage("NVF_PAYLOAD: /no/such/payload.npy does not exist*");
    }

    [Fact]
    public void A_paths_file_resolves_relative_paths_and_variables_win()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "p.npy", "e.npz", "other.npz" })
            File.WriteAllText(folder.File(name), "");
        File.WriteAllText(folder.File("artifacts.json"), "{ // a researcher's files\n \"payload\": \"p.npy\", \"eval\": \"e.npz\", }");
        var sources = ArtifactSources.FromEnvironment(Env(("NVF_ARTIFACTS", folder.File("artifacts.json")), ("NVF_EVAL", folder.File("other.npz"))))!;
        sources.PayloadPath.Should().Be(folder.File("p.npy"));
        sources.EvalPath.Should().Be(folder.File("other.npz"));
        sources.IndexPath.Should().BeNull();
    }

    [Fact]
    public void An_unknown_field_in_the_paths_file_names_the_file_and_the_field()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("artifacts.json"), "{ \"paylod\": \"p.npy\" }");
        FluentActions.Invoking(() => ArtifactSources.FromEnvironment(Env(("NVF_ARTIFACTS", folder.File("artifacts.json")))))
            .Should().Throw<ArtifactException>().WithMessage("artifacts.json: unknown field 'paylod'*");
    }

    [Fact]
    public void The_committed_run_configs_state_the_seeds_hyper_parameters()
    {
        foreach (var name in new[] { "infonce-generated.json", "infonce-shuffled.json" })
        {
            var config = InfoNceRunConfig.Load(RepositoryRoot.Fixture("configs", name));
            config.Training.Temperature.Should().Be(0.07);
            (config.Training.MicroBatch, config.Training.AccumulationSteps, config.Training.EffectiveBatch).Should().Be((256, 4, 1024));
            (config.Training.ArticleDropout, config.Training.SpanCorruption).Should().Be((0.2, 0.1));
            config.Data.PayloadRows.Should().Be(584_000);
            (config.Retrieval.Nprobe, config.Retrieval.TopK, config.Retrieval.OracleQueries, config.Retrieval.AlignmentSamples).Should().Be((64, 50, 1000, 100));
        }

        InfoNceRunConfig.Load(RepositoryRoot.Fixture("configs", "infonce-shuffled.json")).Data
            .Should().Be(InfoNceRunConfig.Load(RepositoryRoot.Fixture("configs", "infonce-generated.json")).Data, "the control shares the data (and the index)");
    }

    [Fact]
    public void A_bad_config_field_names_the_file_and_the_field()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(RepositoryRoot.Fixture("configs", "infonce-generated.json")).Replace("\"heads\": 4", "\"heads\": 3");
        File.WriteAllText(folder.File("bad.json"), text);
        FluentActions.Invoking(() => InfoNceRunConfig.Load(folder.File("bad.json"))).Should().Throw<ConfigException>().WithMessage("bad.json: field 'width'*heads*");
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
