using FluentAssertions;
using Nvf.Core.Configs;
using Nvf.Core.Stores;
using Nvf.Core.Teacher;
using Xunit;

namespace Nvf.Core.Tests.Teacher;

public sealed class TeacherConfigTests
{
    [Fact]
    public void The_committed_teacher_configs_load_and_fit_together()
    {
        var teacher = TeacherConfig.Load(ConfigDirectory.PathOf("teacher-clustered.json"));
        var reranker = RerankerConfig.Load(ConfigDirectory.PathOf("teacher-reranker.json"));
        var softAttention = SoftAttentionConfig.Load(ConfigDirectory.PathOf("teacher-soft-attention.json"));

        teacher.Should().Be(new TeacherConfig("teacher-clustered.json", VectorMetric.Cosine, 10, 1000, 5000));
        teacher.LogK.Should().BeGreaterThanOrEqualTo(reranker.CandidateCount, "the log holds every candidate the reranker chooses from");
        (softAttention.Epochs * softAttention.TrainingQueries).Should().BeLessThan(50 * 50_000, "the CI budget is smaller than the seed's 50 epochs of 50,000 queries");
    }

    [Fact]
    public void A_misspelt_field_names_the_file_and_the_field()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("teacher-typo.json");
        File.WriteAllText(path, """
            // a typo must not fall back to a default
            { "metric": "cosine", "logK": 10, "searchBatch": 1000, "evaluationQueries": 5000, "evalQueries": 10 }
            """);

        var act = () => TeacherConfig.Load(path);

        act.Should().Throw<ConfigException>().WithMessage("*teacher-typo.json*'evalQueries'*");
    }
}
