using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>
/// The pipeline researcher_models.feature judges: a researcher's model files and data (NVF_DATABASE, NVF_QUERIES,
/// NVF_LABELS, NVF_ATTENTION_MODEL, NVF_RERANKER_MODEL), or the gate's own trained models behind the same interfaces.
/// Disposed with the scenario (the model files' native sessions).
/// </summary>
public sealed class PipelineUnderTest : IDisposable
{
    /// <summary>The researcher's files, or null for the gate's own models.</summary>
    public ResearcherPipeline? Researcher { get; init; }

    /// <summary>The gate's own models when <see cref="Researcher"/> is null.</summary>
    public (TrainedSoftAttention SoftAttention, TrainedReranker Reranker)? Own { get; init; }

    /// <summary>The first stage.</summary>
    public required IAttentionScorer Attention { get; init; }

    /// <summary>The fovea.</summary>
    public required IRerankerScorer Reranker { get; init; }

    /// <summary>Frees the model files.</summary>
    public void Dispose()
    {
        Attention.Dispose();
        Reranker.Dispose();
    }
}

/// <summary>Steps of researcher_models.feature.</summary>
[Binding]
public sealed class NvfResearcherSteps(NvfScenario scenario, ScenarioEvidence context, GateInputs inputs)
{
    /// <summary>Queries of the generated path (reranker.feature evaluates on as many).</summary>
    const int OwnQueries = 5000;

    [Given("the researcher's database, labelled queries, soft attention model and reranker")]
    public void GivenThePipeline()
    {
        if (inputs.Pipeline is { } researcher)
        {
            IAttentionScorer? attention = null;
            try
            {
                attention = new AttentionModelFile(researcher.AttentionPath);
                scenario.PipelineFiles = new PipelineUnderTest { Researcher = researcher, Attention = attention, Reranker = new RerankerModelFile(researcher.RerankerPath) };
            }
            catch
            {
                attention?.Dispose();
                throw;
            }

            scenario.Database = researcher.Database;
            scenario.EvaluationQueries = researcher.Queries;
        }
        else
        {
            // The gate's own models (memoised: reranker.feature trains the same ones), through the same interfaces.
            scenario.Database = scenario.Models.RandomUnitDatabase(1000, 128, 42);
            var softAttention = scenario.Models.SoftAttention(scenario.Database, SoftAttentionConfig.Load(ConfigDirectory.PathOf("nvf-soft-attention.seed.json")), context.TrainingProgress(), context.StatusProgress());
            var reranker = scenario.Models.Reranker(softAttention, RerankerDesign.Improved, RerankerConfig.Load(ConfigDirectory.PathOf("nvf-reranker.improved.json")), context.TrainingProgress(), context.StatusProgress());
            scenario.SoftAttention = softAttention;
            scenario.EvaluationQueries = NvfQueryDistribution.UniformNearestNeighbour.Draw(scenario.Database, OwnQueries, QueryStream.Evaluation);
            scenario.PipelineFiles = new PipelineUnderTest { Own = (softAttention, reranker), Attention = new TrainedAttentionScorer(softAttention), Reranker = new TrainedRerankerScorer(reranker.Model) };
        }

        var files = Files;
        context.AttachTable("The pipeline under test", ["part", "what"],
        [
            ["soft attention", files.Attention.Description],
            ["reranker", files.Reranker.Description],
            ["database", $"{scenario.Database.Count:N0} x {scenario.Database.Dimension} ({scenario.Database.Key})"],
            ["queries", $"{scenario.EvaluationQueries.Count:N0} ({scenario.EvaluationQueries.Distribution})"],
        ]);
    }

    [When("the researcher's pipeline is evaluated")]
    public void WhenEvaluated()
    {
        var files = Files;
        var progress = context.StatusProgress();
        scenario.Evaluation = PipelineEvaluator.Evaluate(files.Attention, files.Reranker, scenario.Database, scenario.EvaluationQueries!, 5, progress);
        context.Attach(MetricsTable.For($"pipeline: {files.Attention.Description} + {files.Reranker.Description}", scenario.Evaluation));
    }

    [Then("the report shows pipeline Top-1 and Top-5 beside the control and the oracle ceiling")]
    public void ThenReportShowsPipeline()
    {
        var e = scenario.Evaluated;
        context.AttachTable("the pipeline beside its control and the oracle ceiling", ["stage", "Top-1"],
        [
            ["soft attention alone", e.SoftAttentionTop1.ToString()],
            ["pipeline (soft attention, then the reranker)", e.PipelineTop1!.ToString()],
            ["control: exact cosine on the Top-5", e.ControlTop1.ToString()],
            ["Top-5 coverage (pipeline Top-5; ceiling of any reranker)", e.Coverage.ToString()],
            ["accuracy given Top-5", e.AccuracyGivenTopK!.ToString()],
            ["oracle ceiling: exact search on the same queries", e.OracleTop1.ToString()],
        ]);
        scenario.Record(context, "soft_attention_top1", e.SoftAttentionTop1);
        scenario.Record(context, "control_top1", e.ControlTop1);
        scenario.Record(context, "oracle_ceiling_top1", e.OracleTop1);
        scenario.Record(context, "accuracy_given_top5", e.AccuracyGivenTopK);
        e.AccuracyGivenTopK.Trials.Should().Be(e.Coverage.Successes, "accuracy given Top-5 counts the covered queries only");
        e.CorrectOutsideTopK.Should().Be(0, "the reranker only picks among the Top-5");
    }

    [Given("the pipeline is the gate's own, which can also be evaluated in process")]
    public void GivenOwnPipeline()
    {
        if (Files.Own is null)
        {
            ScenarioEvidence.Skip("this check compares the model-file path with the gate's own models on its generated data; it does not run on a researcher's files");
        }
    }

    [Then("every figure equals the in-process evaluation of the same models on the same queries")]
    public void ThenEqualsInProcess()
    {
        var own = Files.Own ?? throw new InvalidOperationException("Not the gate's own models; expected 'Given the pipeline is the gate's own ...' first.");

        var inProcess = PipelineEvaluator.Evaluate(own.SoftAttention, own.Reranker.Model, scenario.EvaluationQueries!, 5);
        context.Attach(MetricsTable.For("the same models, evaluated in process", inProcess));
        var e = scenario.Evaluated;
        e.Should().BeEquivalentTo(inProcess, "the interfaces a researcher's files are run through must count exactly as the in-process pipeline");
    }

    PipelineUnderTest Files => scenario.PipelineFiles ?? throw new InvalidOperationException("No pipeline; expected 'Given the researcher's database, labelled queries, soft attention model and reranker' first.");
}
