using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Metrics;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>Checks on the reranked pipeline against soft attention alone and the exact-cosine control.</summary>
[Binding]
public sealed class NvfRerankerSteps(NvfScenario scenario, ScenarioEvidence context)
{
    [Then("the report shows pipeline Top-1, Top-5 coverage and accuracy given Top-5 beside the control")]
    public void ThenReportShowsPipelineBesideControl()
    {
        var e = scenario.Evaluated;
        context.AttachTable("learned stage beside its non-learned control", ["stage", "Top-1"],
        [
            ["soft attention alone", e.SoftAttentionTop1.ToString()],
            [$"reranker ({scenario.Reranker?.Model.Design})", e.PipelineTop1?.ToString() ?? "-"],
            ["control: exact cosine on the Top-5", e.ControlTop1.ToString()],
            ["Top-5 coverage (ceiling of any reranker)", e.Coverage.ToString()],
            ["accuracy given Top-5", e.AccuracyGivenTopK?.ToString() ?? "-"],
        ]);
        e.PipelineTop1.Should().NotBeNull("a reranker was evaluated");
        scenario.Record(context, "pipeline_top1", e.PipelineTop1!);
        scenario.Record(context, "accuracy_given_top5", e.AccuracyGivenTopK!);
        scenario.Record(context, "control_top1", e.ControlTop1);
        e.AccuracyGivenTopK!.Trials.Should().Be(e.Coverage.Successes, "accuracy given Top-5 counts the covered queries only");
        e.ControlTop1.Estimate.Should().BeApproximately(e.Coverage.Estimate, 0.01, "exact cosine re-scoring finds the label whenever it is covered (DESIGN.md: control = coverage)");
    }

    [Then("training lifted its validation accuracy by at least {int} points above the untrained state \\(epoch 0)")]
    public void ThenTrainingLifted(int points)
    {
        var reranker = scenario.Reranker ?? throw new InvalidOperationException("No reranker; expected a reranker training step first.");
        var learning = RerankerLearning.Of(reranker.Curve);
        context.AttachText("did it learn?", learning.Describe());
        scenario.Record(context, new Metric($"{scenario.MetricPrefix}.untrained_validation", learning.Untrained, MetricDirection.HigherIsBetter) { Kind = MetricKind.Diagnostic });
        scenario.Record(context, new Metric($"{scenario.MetricPrefix}.trained_validation", learning.Trained, MetricDirection.HigherIsBetter) { Kind = MetricKind.Diagnostic, Bound = learning.Untrained + points / 100.0 });
        learning.KeptEpoch.Should().BeGreaterThan(0, "the state kept must be a trained one, not the initial state");
        (100 * (learning.Trained - learning.Untrained)).Should().BeGreaterThanOrEqualTo(points, learning.Describe());
    }

    [Then("pipeline Top-1 is at most the Top-5 coverage")]
    public void ThenPipelineTop1AtMostCoverage() =>
        scenario.Evaluated.PipelineTop1!.Estimate.Should().BeLessThanOrEqualTo(scenario.Evaluated.Coverage.Estimate);

    [Then("pipeline Top-1 is {word} the soft attention's Top-1")]
    public void ThenPipelineTop1Relative(string relation)
    {
        var pipeline = scenario.Evaluated.PipelineTop1!.Estimate;
        var alone = scenario.Evaluated.SoftAttentionTop1.Estimate;
        _ = relation switch
        {
            "below" => pipeline.Should().BeLessThan(alone, "the seed's concatenation reranker falls below soft attention alone (PyTorch: 35.9% vs 68%)"),
            "above" => pipeline.Should().BeGreaterThan(alone, "the reranker must lift Top-1 above soft attention alone"),
            _ => throw new ArgumentException($"relation '{relation}' is unknown; expected 'below' or 'above'", nameof(relation)),
        };
    }

    [Then("no query whose answer is outside the Top-5 is answered correctly")]
    public void ThenNothingOutsideTopKIsRight()
    {
        var e = scenario.Evaluated;
        context.AttachText("outside the Top-5", $"{e.Coverage.Trials - e.Coverage.Successes} of {e.Coverage.Trials} queries have their answer outside the Top-5; answered right anyway: {e.CorrectOutsideTopK}");
        scenario.Record(context, new Metric($"{scenario.MetricPrefix}.correct_outside_top5", e.CorrectOutsideTopK!.Value, MetricDirection.LowerIsBetter) { Unit = "queries", Kind = MetricKind.Count });
        var outside = ProportionEstimate.Wilson(e.Coverage.Trials - e.Coverage.Successes, e.Coverage.Trials);
        context.RecordAnswer(ResearchAnswers.Of(ResearchQuestions.OutsideTop5, scenario.AnswerCase, e.CorrectOutsideTopK == 0 ? AnswerVerdict.Answered : AnswerVerdict.Missed, outside) with
        {
            Detail = $"accepted, as the seed says: {outside.Successes:N0} of {outside.Trials:N0} queries have their answer outside the Top-5 and {e.CorrectOutsideTopK} of them are answered right (the reranker only reorders the Top-5)",
            Ceiling = $"{MetricsTable.Percent(e.Coverage.Estimate)} {ResearchAnswers.Interval(e.Coverage)} (Top-5 coverage)",
        });
        e.CorrectOutsideTopK.Should().Be(0);
    }
}
