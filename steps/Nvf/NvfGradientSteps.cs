using System.Globalization;
using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>The seed's constraint "must still have gradients flowing", probed on one batch.</summary>
[Binding]
public sealed class NvfGradientSteps(NvfScenario scenario, ScenarioEvidence context)
{
    [When("the loss on the reranked output is back-propagated for a batch of {int} queries")]
    public void WhenLossReachesInputs(int batch) =>
        Record(GradientFlowProbe.ToInputs(scenario.SoftAttention, Reranker.Model, scenario.Distribution.Draw(scenario.Database, batch, QueryStream.Evaluation), Reranker.Config.CandidateCount));

    [When("the pipeline uses a {word} Top-{int} and the loss on the final answer is back-propagated for a batch of {int} queries")]
    public void WhenLossReachesSoftAttention(TopKRelaxation relaxation, int k, int batch)
    {
        scenario.GradientProbe = relaxation == TopKRelaxation.StraightThrough ? "straight_through" : "gumbel_softmax";
        Record(GradientFlowProbe.ToSoftAttention(scenario.SoftAttention, Reranker.Model, scenario.Distribution.Draw(scenario.Database, batch, QueryStream.Evaluation), k, relaxation, GradientFlowProbe.DefaultTemperature, scenario.Database.Seed));
    }

    [Then("the gradient with respect to the queries is non-zero")]
    public void ThenQueriesGetGradient() => NonZero("queries", Gradients.NormOf("queries"));

    [Then("the gradient with respect to the candidate vectors is non-zero")]
    public void ThenCandidatesGetGradient() => NonZero("candidates", Gradients.NormOf("candidate vectors"));

    [Then("every parameter of the soft attention model receives a non-zero gradient")]
    public void ThenEveryParameterGetsGradient()
    {
        Gradients.Norms.Select(n => n.Key).Should().BeEquivalentTo(scenario.SoftAttention.Model.NamedParameters().Select(p => p.Key), "every soft attention parameter is probed");
        scenario.Record(context, new Metric($"nvf.gradient_flow.{scenario.GradientProbe ?? throw new InvalidOperationException("No relaxed Top-K probe; expected the differentiable Top-K step first.")}.smallest_soft_attention_grad_norm", Gradients.Norms.Min(n => n.Value), MetricDirection.HigherIsBetter) { Kind = MetricKind.Diagnostic, Bound = 0 });
        Gradients.AllNonZero.Should().BeTrue($"no gradient reached: {string.Join(", ", Gradients.Dead)}");
    }

    TrainedReranker Reranker => scenario.Reranker ?? throw new InvalidOperationException("No reranker; expected a reranker step in the Background.");

    GradientFlowReport Gradients => scenario.Gradients ?? throw new InvalidOperationException("Nothing back-propagated yet; expected a 'When ... back-propagated' step first.");

    void NonZero(string tensor, double norm)
    {
        scenario.Record(context, new Metric($"nvf.gradient_flow.{tensor}_grad_norm", norm, MetricDirection.HigherIsBetter) { Kind = MetricKind.Diagnostic, Bound = 0 });
        context.RecordAnswer(new Answer(ResearchQuestions.Gradients.Id, tensor, ResearchAnswers.MetIf(norm > 0 && double.IsFinite(norm)), norm.ToString("G4", CultureInfo.InvariantCulture))
        {
            Target = "> 0",
            Detail = $"L2 norm of the gradient of the loss on the reranked answer with respect to the {tensor}",
            Value = norm,
        });
        norm.Should().BeGreaterThan(0);
    }

    void Record(GradientFlowReport report)
    {
        scenario.Gradients = report;
        context.AttachTable($"gradient norms: {report.Description}", ["tensor", "L2 norm of the gradient"],
            report.Norms.Select(n => (IReadOnlyList<string>)[n.Key, n.Value.ToString("G4", CultureInfo.InvariantCulture)]).ToList());
    }
}
