using FluentAssertions;
using Nvf.Core.InfoNce;
using Nvf.Core.Sanity;
using Nvf.Gherkin.Bindings;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>Steps of decision_gate.feature, success_tiers.feature and summary.feature.</summary>
[Binding]
public sealed class DecisionSteps(InfoNceContext context)
{
    [When("the decision gate is applied to R@5 {percent} and delta {float}")]
    public void WhenDecisionApplied(double recallAt5, double delta) =>
        context.Outcome = DecisionGate.Describe(DecisionGate.Decide(recallAt5, delta));

    [Then("the decision is {string}")]
    public void ThenDecisionIs(string expected) =>
        (context.Evaluation is null ? context.Outcome : DecisionGate.Describe(context.Evaluation.Decision)).Should().Be(expected);

    [When("the flat ablation gives R@5 {percent} after the IVF gave R@5 {percent} with delta {float}")]
    public void WhenFlatAblationGives(double flatRecallAt5, double ivfRecallAt5, double delta)
    {
        DecisionGate.Decide(ivfRecallAt5, delta).Should().Be(GateDecision.CheckFlatIndex, "the flat ablation is only asked for on that branch");
        context.Outcome = DecisionGate.Describe(DecisionGate.JudgeFlatAblation(flatRecallAt5));
    }

    [Then("the conclusion is {string}")]
    public void ThenConclusionIs(string expected) => context.Outcome.Should().Be(expected);

    [When("the success tier is judged for R@5 {percent} and delta {float}")]
    public void WhenTierJudged(double recallAt5, double delta) =>
        context.Outcome = SuccessCriteria.Judge(recallAt5, delta).ToString().ToLowerInvariant();

    [Then("the tier reached is {string}")]
    public void ThenTierIs(string expected) => context.Outcome.Should().Be(expected);

    [When("the auto-evaluation runs for the {string} model after {int} epoch of {string}")]
    public void WhenAutoEvaluationRuns(string encoder, int epochs, string objective)
    {
        epochs.Should().Be(1, "the seed's auto-evaluation runs after epoch 1");
        context.Evaluation = AutoEvaluation.Run(
            context.Session, context.Config, KebabName.Parse<EncoderKind>(encoder), KebabName.Parse<TrainingObjective>(objective));
        context.Attach(InfoNceTables.Path(Evaluation));
    }

    [Then("the report shows separation, IVF retrieval and the decision path taken")]
    public void ThenPathShown()
    {
        var rows = new List<(string, EpochMeasurement)> { (Evaluation.Run.Key.ToString(), Evaluation.EpochOne) };
        rows.AddRange(Evaluation.Rechecks.Select(m => ($"{Evaluation.Run.Key} (re-check)", m)));
        if (Evaluation.TwoTower is not null)
            rows.Add(((Evaluation.Run.Key with { Encoder = EncoderKind.Attention, Objective = TrainingObjective.TwoTower }).ToString(), Evaluation.TwoTower));
        context.Attach(InfoNceTables.Measurements("Auto-evaluation measurements", rows));
        Evaluation.Path.Select(p => p.Step).Should().ContainInOrder("train", "separation", "IVF retrieval", "decision");
    }

    [Then("the action the decision calls for was carried out")]
    public void ThenActionCarriedOut()
    {
        switch (Evaluation.Decision)
        {
            case GateDecision.CheckFlatIndex:
                Evaluation.Flat.Should().NotBeNull("the tree says: check the flat index");
                break;
            case GateDecision.PivotToTwoTower:
                Evaluation.TwoTower.Should().NotBeNull("the tree says: pivot to two-tower");
                break;
            case GateDecision.TrainMoreEpochs:
                Evaluation.Rechecks.Should().NotBeEmpty("the tree says: train 1-2 more epochs and re-check");
                break;
            default:
                Evaluation.Path[^1].Step.Should().Be("action");
                break;
        }
    }

    [Then("the report shows the summary table with rows:")]
    public void ThenSummaryTable(Gherkin.Model.DataTable expected)
    {
        var s = context.Session;
        var rows = SanitySummary.Build(s.Normalization(), s.OracleRecall(OracleIndexVariant.Payload), s.Alignment(), Evaluation, context.Config.Retrieval.Nprobe);
        context.Attach(InfoNceTables.Summary(rows));
        rows.Select(r => r.Check).Should().Equal(expected.Rows.Select(r => r[0]));
        context.Scenario.AttachJson("Summary rows", System.Text.Json.JsonSerializer.Serialize(rows));
    }

    [Then("no row is pending")]
    public void ThenNoRowPending()
    {
        var s = context.Session;
        SanitySummary.Build(s.Normalization(), s.OracleRecall(OracleIndexVariant.Payload), s.Alignment(), Evaluation, context.Config.Retrieval.Nprobe)
            .Should().NotContain(r => r.IsPending);
    }

    AutoEvaluationReport Evaluation => context.Evaluation ?? throw new InvalidOperationException("No auto-evaluation; expected 'When the auto-evaluation runs ...' first.");
}
