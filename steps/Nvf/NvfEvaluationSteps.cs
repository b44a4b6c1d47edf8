using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Criteria;
using Nvf.Core.Metrics;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>Evaluating the pipeline on fresh queries and judging its accuracies against targets and the oracle ceiling.</summary>
[Binding]
public sealed class NvfEvaluationSteps(NvfScenario scenario, ScenarioEvidence context)
{
    [When("^(?:it|the pipeline) is evaluated on (\\d+) fresh queries$")]
    public void Evaluate(int count)
    {
        scenario.EvaluationQueries = scenario.Distribution.Draw(scenario.Database, count, QueryStream.Evaluation);
        if (scenario.Joint is { } joint)
        {
            scenario.Comparison = JointComparison.Evaluate(joint, scenario.EvaluationQueries);
            scenario.Evaluation = scenario.Comparison.Joint;
            context.Attach(MetricsTable.For("separately trained pipeline", scenario.Comparison.Separate));
            context.Attach(MetricsTable.For("after joint fine-tuning", scenario.Evaluation));
            return;
        }

        var reranker = scenario.Reranker;
        scenario.Evaluation = PipelineEvaluator.Evaluate(scenario.SoftAttention, reranker?.Model, scenario.EvaluationQueries, reranker?.Config.CandidateCount ?? 5);
        context.Attach(MetricsTable.For(reranker is null ? "soft attention" : $"pipeline with the {reranker.Model.Design} reranker", scenario.Evaluation));
    }

    [Then("Top-1 accuracy is {percent} within {int} points")]
    public void ThenTop1Reproduces(double expected, int points) =>
        Reproduces(new ReproductionCriterion("soft attention Top-1", expected, points), scenario.Evaluated.SoftAttentionTop1, "top1");

    [Then("Top-5 accuracy is {percent} within {int} points")]
    public void ThenTop5Reproduces(double expected, int points) =>
        Reproduces(new ReproductionCriterion("soft attention Top-5", expected, points), scenario.Evaluated.Coverage, "top5");

    [Then("the oracle ceiling for Top-1 is {percent}")]
    public void ThenOracleCeilingIs(double expected) =>
        Reproduces(new ReproductionCriterion("oracle ceiling Top-1", expected, 0), scenario.OracleCeiling, "oracle_ceiling_top1");

    [Then("the oracle ceiling for Top-1 is about {percent} within {int} points")]
    public void ThenOracleCeilingIsAbout(double expected, int points) =>
        Reproduces(new ReproductionCriterion("oracle ceiling Top-1", expected, points), scenario.OracleCeiling, "oracle_ceiling_top1");

    [Then("Top-1 accuracy differs from the cross-entropy model's by at most {int} points")]
    public void ThenTop1MatchesCrossEntropyModel(int points)
    {
        var reference = scenario.Models.SoftAttention(scenario.Database, scenario.SoftAttention.Config with { Loss = SoftAttentionLoss.CrossEntropyOnLogits }, context.TrainingProgress(), context.StatusProgress());
        var referenceTop1 = PipelineEvaluator.Evaluate(reference, null, scenario.EvaluationQueries!, 5).SoftAttentionTop1;
        context.AttachText("cross-entropy model on the same queries", $"Top-1 {referenceTop1}");
        Reproduces(new ReproductionCriterion("Top-1 with the seed's loss, vs the cross-entropy model's", referenceTop1.Estimate, points), scenario.Evaluated.SoftAttentionTop1, "top1");
    }

    [Then("pipeline Top-1 is at least {percent} \\(stretch {percent})")]
    public void ThenPipelineTop1AtLeast(double target, double stretch)
    {
        // Task 1's target on the seed's database and on model files; Task 2's "similar accuracy" on a clustered corpus.
        var verdict = new AccuracyCriterion("pipeline Top-1", target, stretch).Judge(PipelineTop1, scenario.OracleCeiling);
        var (question, stretchQuestion) = scenario.Corpus is null ? (ResearchQuestions.Task1Target, ResearchQuestions.Task1Stretch) : (ResearchQuestions.Task2Clustered, null);
        context.RecordAnswer(ResearchAnswers.Target(question, scenario.AnswerCase, verdict) with
        {
            Detail = stretchQuestion is null ? $"stretch {MetricsTable.Percent(stretch)}: {(verdict.StretchMet ? "reached" : "not reached")}" : "",
        });
        if (stretchQuestion is not null)
        {
            context.RecordAnswer(ResearchAnswers.Stretch(stretchQuestion, scenario.AnswerCase, verdict));
        }

        Meets(verdict, "pipeline_top1", null);
        verdict.Passed.Should().BeTrue(verdict.Describe());
    }

    [Then("pipeline Top-1 after joint fine-tuning is at least {percent}")]
    public void ThenJointPipelineTop1AtLeast(double target) =>
        Meets(new AccuracyCriterion("pipeline Top-1 after joint fine-tuning", target), PipelineTop1, "pipeline_top1");

    [Then("pipeline Top-5 is at least {percent}")]
    public void ThenPipelineTop5AtLeast(double target) =>
        Meets(new AccuracyCriterion("pipeline Top-5", target), scenario.Evaluated.PipelineTopK ?? throw NoReranker(), "pipeline_top5");

    [Then("a Top-1 target of {percent} is reported as unreachable on this distribution")]
    public void ThenTargetIsUnreachable(double target)
    {
        var verdict = new AccuracyCriterion("best possible Top-1 (exact search)", target).Judge(scenario.OracleCeiling, scenario.OracleCeiling);
        context.Attach(MetricsTable.ForVerdicts("criterion against the oracle ceiling", [verdict]));
        verdict.Outcome.Should().Be(CriterionOutcome.Unreachable, verdict.Describe());
    }

    [Then("a pipeline Top-1 target of {percent} is reported as unreachable there, not as missed")]
    public void ThenPipelineTargetIsUnreachable(double target)
    {
        var e = scenario.Evaluated;
        scenario.Record(context, "soft_attention_top5", e.Coverage);
        var verdict = new AccuracyCriterion("pipeline Top-1", target).Judge(PipelineTop1, scenario.OracleCeiling);
        context.RecordAnswer(ResearchAnswers.Target(ResearchQuestions.Task1Target, scenario.AnswerCase, verdict));
        Meets(verdict, "pipeline_top1", CriterionOutcome.Unreachable);
    }

    ProportionEstimate PipelineTop1 => scenario.Evaluated.PipelineTop1 ?? throw NoReranker();

    static InvalidOperationException NoReranker() => new("The evaluation has no reranker; expected a reranker training step before the evaluation.");

    void Meets(AccuracyCriterion criterion, ProportionEstimate measured, string measure)
    {
        var verdict = criterion.Judge(measured, scenario.OracleCeiling);
        Meets(verdict, measure, null);
        verdict.Passed.Should().BeTrue(verdict.Describe());
    }

    void Meets(CriterionVerdict verdict, string measure, CriterionOutcome? expected)
    {
        scenario.Record(context, measure, verdict.Measured);
        scenario.Verdict = verdict;
        context.Attach(MetricsTable.ForVerdicts("criterion", [verdict]));
        if (expected is { } outcome)
        {
            verdict.Outcome.Should().Be(outcome, verdict.Describe());
        }
    }

    void Reproduces(ReproductionCriterion criterion, ProportionEstimate measured, string measure)
    {
        scenario.Record(context, measure, measured);
        var verdict = criterion.Judge(measured);
        context.AttachText("reproduction check", verdict.Describe());
        verdict.Passed.Should().BeTrue(verdict.Describe());
    }
}
