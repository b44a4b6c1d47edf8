using FluentAssertions;
using Nvf.Core.Nvf;
using Nvf.Gherkin.Bindings;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>Checks on the reranked pipeline against soft attention alone and the exact-cosine control.</summary>
[Binding]
public sealed class NvfRerankerSteps(NvfScenario scenario, ScenarioContext context)
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
        e.AccuracyGivenTopK!.Trials.Should().Be(e.Coverage.Successes, "accuracy given Top-5 counts the covered queries only");
        e.ControlTop1.Estimate.Should().BeApproximately(e.Coverage.Estimate, 0.01, "exact cosine re-scoring finds the label whenever it is covered (DESIGN.md: control = coverage)");
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
        e.CorrectOutsideTopK.Should().Be(0);
    }
}
