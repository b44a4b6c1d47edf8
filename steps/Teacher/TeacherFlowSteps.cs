using System.Globalization;
using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Configs;
using Nvf.Core.Pipeline;
using Nvf.Core.Stores;
using Nvf.Core.Teacher;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Nvf;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Teacher;

/// <summary>The teacher flow: index, log, train from the logs, measure agreement with the store.</summary>
[Binding]
public sealed class TeacherFlowSteps(TeacherScenario teacher, NvfScenario nvf, ScenarioEvidence context)
{
    [Given("the {word} store")]
    public async Task GivenStore(VectorStoreKind kind)
    {
        var store = await teacher.OpenAsync(kind);
        context.AttachText("store", $"{kind}: {store.Describe().Kind}");
    }

    [When("the corpus is indexed into the store and its answers are logged as the teacher config {string} says, for the NVF configs {string} and {string} with the {string} reranker")]
    public async Task WhenLogged(string teacherFile, string softAttentionFile, string rerankerFile, RerankerDesign design)
    {
        teacher.Run = new TeacherRun(nvf.Database, TeacherConfig.Load(ConfigDirectory.PathOf(teacherFile)), SoftAttentionConfig.Load(ConfigDirectory.PathOf(softAttentionFile)),
            RerankerConfig.Load(ConfigDirectory.PathOf(rerankerFile)), design, teacher.LogFolder);
        await teacher.Run.LogAsync(teacher.Store ?? throw new InvalidOperationException("No store; expected 'Given the <kind> store' first."));
        context.AttachTable("query-log files (format nvf-query-log v1)", ["purpose", "file", "bytes", "queries", "k", "store top-1 = exact nearest neighbour"],
            teacher.Run.Logs.Select(l => (IReadOnlyList<string>)[l.Purpose, Path.GetFileName(l.Path), l.Bytes.ToString(CultureInfo.InvariantCulture), l.Queries.ToString(CultureInfo.InvariantCulture), l.K.ToString(CultureInfo.InvariantCulture), l.LabelAgreement.ToString()]).ToList());
    }

    [Then("the store's top-1 is the exact nearest neighbour for at least {percent} of the logged queries")]
    public void ThenLabelsAgreeWithExactSearch(double share)
    {
        foreach (var log in Run.Logs)
        {
            log.LabelAgreement.Estimate.Should().BeGreaterThanOrEqualTo(share, $"the {log.Purpose} log's labels come from an exact store ({log.LabelAgreement})");
        }
    }

    [When("NVF is trained from the logs and its agreement with the store is measured on the held-out log")]
    public void WhenTrainedAndMeasured()
    {
        Run.TrainFromLogs();
        teacher.Report = Run.Evaluate(nvf.Models);
        context.Attach(teacher.Report.SoftAttentionCurve);
        context.Attach(teacher.Report.RerankerCurve);
        context.Attach(MetricsTable.For($"NVF trained from the {teacher.Report.Store} store's logs: agreement with the store", teacher.Report.FromLog));
        context.Attach(MetricsTable.For("NVF trained on generator labels (same configs, same queries)", teacher.Report.Reference));
        context.AttachText("timing", teacher.Report.Timing.ToString());
    }

    [Then("agreement with the store is within {float} points of NVF trained on generator labels, for soft attention Top-1, Top-5 and pipeline Top-1")]
    public void ThenSimilarToGeneratorLabels(double points)
    {
        var report = teacher.Report ?? throw new InvalidOperationException("Nothing measured; expected the training and measuring step first.");
        var verdicts = report.CompareWithGeneratorLabels(points);
        context.AttachText("criterion: similar accuracy (seed, Task 2)", string.Join(Environment.NewLine, verdicts.Select(v => v.Describe())));
        foreach (var (verdict, name) in verdicts.Zip(new[] { "top1", "top5", "pipeline_top1" }))
        {
            context.RecordCatalogued(new Metric($"teacher.{report.Store}.{name}", verdict.Measured.Estimate, MetricDirection.HigherIsBetter) { Low = verdict.Measured.Lower, High = verdict.Measured.Upper, Kind = MetricKind.Criterion });
        }

        var pipeline = verdicts[^1];
        context.RecordAnswer(ResearchAnswers.Of(ResearchQuestions.Teacher, $"{report.Store} store, generated queries", ResearchAnswers.MetIf(verdicts.All(v => v.Passed)), pipeline.Measured) with
        {
            Target = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"within {points:0.#} points of {MetricsTable.Percent(pipeline.Expected)} (generator labels)"),
            Detail = "pipeline Top-1 agreement with the store, NVF trained from its query log; soft attention Top-1 and Top-5 held to the same tolerance",
        });
        verdicts.Should().OnlyContain(v => v.Passed, string.Join("; ", verdicts.Select(v => v.Describe())));
    }

    TeacherRun Run => teacher.Run ?? throw new InvalidOperationException("No teacher run; expected the indexing and logging step first.");
}
