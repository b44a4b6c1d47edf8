using FluentAssertions;
using Nvf.Core.Stores;
using Nvf.Core.Teacher;
using Nvf.Core.Tests.InfoNce;
using Nvf.Core.Tests.Pipeline;
using Xunit;
using Xunit.Abstractions;

namespace Nvf.Core.Tests.Teacher;

/// <summary>The teacher flow on the small NVF set-up (100 rows of width 16, configs that train in about a second).</summary>
[Collection(TorchCollection.Name)]
public sealed class TeacherRunTests(ITestOutputHelper output)
{
    static readonly TeacherConfig Config = new("unit-test teacher", VectorMetric.Cosine, LogK: 5, SearchBatch: 700, EvaluationQueries: 500);

    [Fact]
    public async Task Training_from_a_log_learns_the_stores_answers_not_the_generators()
    {
        using var folder = new ScratchFolder();
        await using var store = new NegatedQueryStore();

        var report = await RunAsync(store, folder);

        output.WriteLine($"from the negated store's log: {report.FromLog.SoftAttentionTop1} / {report.FromLog.Coverage} / {report.FromLog.PipelineTop1}");
        output.WriteLine($"on generator labels:          {report.Reference.SoftAttentionTop1} / {report.Reference.Coverage} / {report.Reference.PipelineTop1}");
        report.Logs.Should().HaveCount(3).And.OnlyContain(l => l.LabelAgreement.Successes == 0, "the double answers the farthest row, never the nearest");
        // Measured here: 69.4% soft attention and 65.6% pipeline agreement with the double (n = 500),
        // where chance is 1% and the generator's labels agree with the double on none of the queries.
        report.FromLog.SoftAttentionTop1.Estimate.Should().BeGreaterThan(0.5, "NVF learnt the store's answers from its log");
        report.FromLog.PipelineTop1!.Estimate.Should().BeGreaterThan(0.4, "the reranker, trained from the log too, keeps choosing the store's answer");
    }

    [Fact]
    public async Task With_an_exact_store_the_log_trains_the_same_models_as_generator_labels()
    {
        using var folder = new ScratchFolder();
        await using var store = new FaissVectorStore();

        var report = await RunAsync(store, folder);

        report.Logs.Should().OnlyContain(l => l.LabelAgreement.Successes == l.LabelAgreement.Trials, "FAISS flat answers the exact nearest neighbour");
        report.Logs.Select(l => Path.GetFileName(l.Path)).Should().BeEquivalentTo(Directory.GetFiles(folder.Path).Select(Path.GetFileName), "the three logs are files in the run's folder");
        var verdicts = report.CompareWithGeneratorLabels(tolerancePoints: 0);
        verdicts.Should().HaveCount(3).And.OnlyContain(v => v.Passed, "the same queries with the same labels train the same models: " + string.Join("; ", verdicts.Select(v => v.Describe())));
        report.FromLog.QueryFingerprint.Should().Be(report.Reference.QueryFingerprint, "both are evaluated on the same held-out queries, and the exact store's labels are the generator's");
    }

    [Fact]
    public void A_log_shorter_than_the_rerankers_candidates_is_refused()
    {
        using var folder = new ScratchFolder();

        var act = () => new TeacherRun(SmallSetup.Database, Config with { LogK = 3 }, SmallSetup.SoftAttention, SmallSetup.Reranker, global::Nvf.Core.Pipeline.RerankerDesign.Improved, folder.Path);

        act.Should().Throw<ArgumentException>().WithMessage("*top 3*at least the reranker's 5 candidates*");
    }

    static async Task<TeacherReport> RunAsync(IVectorStore store, ScratchFolder folder)
    {
        var run = new TeacherRun(SmallSetup.Database, Config, SmallSetup.SoftAttention, SmallSetup.Reranker, global::Nvf.Core.Pipeline.RerankerDesign.Improved, folder.Path);
        await run.LogAsync(store);
        run.TrainFromLogs();
        return run.Evaluate(SmallSetup.Models);
    }
}
