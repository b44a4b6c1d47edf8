using FluentAssertions;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Plumbing;
using Nvf.Core.Retrieval;
using Nvf.Gherkin.Running;
using Reqnroll;

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
    public void ThenConclusionIs(string expected)
    {
        if (context.Evaluation is null)
        {
            context.Outcome.Should().Be(expected);
            return;
        }

        Evaluation.FlatVerdict.Should().NotBeNull("a conclusion about the index needs the flat ablation to have run");
        DecisionGate.Describe(Evaluation.FlatVerdict!.Value).Should().Be(expected);
    }

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
            context.Session, context.Config, KebabName.Parse<EncoderKind>(encoder), KebabName.Parse<TrainingObjective>(objective), context.Progress);
        context.Attach(InfoNceTables.Path(Evaluation));
    }

    [Then("the report shows separation, IVF retrieval and the decision path taken")]
    public void ThenPathShown()
    {
        var e = Evaluation;
        var key = e.Run.Key;
        var towerKey = key with { Encoder = EncoderKind.Attention, Objective = TrainingObjective.TwoTower };
        var rows = new List<(ModelRunKey Key, EpochMeasurement Measurement)> { (key, e.EpochOne) };
        rows.AddRange(e.Rechecks.Select(m => (key, m)));
        if (e.TwoTower is not null)
            rows.Add((towerKey, e.TwoTower));
        context.Attach(InfoNceTables.Measurements("Auto-evaluation measurements", rows.Select(r => (r.Measurement.Epoch > 1 ? $"{r.Key} (re-check)" : r.Key.ToString(), r.Measurement))));
        if (e.Flat is not null)
            context.Attach(InfoNceTables.Retrieval($"{key}: the same predictions on IVF and on flat", e.EpochOne.Ivf, e.Flat));
        InfoNceReports.AttachModelPlots(context, rows);

        var prefix = $"infonce.auto_eval.{InfoNceMetrics.ConfigPart(context.ConfigFile)}.{InfoNceMetrics.Part(key)}";
        context.Metrics.Record(prefix, e.EpochOne.Figures());
        if (e.Rechecks.Count > 0)
        {
            context.Metrics.Record($"{prefix}.recheck", e.Rechecks[^1].Ivf.RecallAt5Figure, e.Rechecks[^1].Separation.DeltaFigure);
        }

        if (e.Flat is not null)
            context.Metrics.Record($"{prefix}.flat", e.Flat.RecallAt5Figure);
        if (e.TwoTower is not null)
        {
            context.Metrics.Record($"{prefix}.two_tower", e.TwoTower.Ivf.RecallAt5Figure, e.TwoTower.Separation.DeltaFigure);
        }

        e.Path.Select(p => p.Step).Should().ContainInOrder("train", "separation", "IVF retrieval", "decision");
        e.Outcome.Should().NotBeNullOrWhiteSpace();
    }

    [Then("the action the decision calls for was carried out")]
    public void ThenActionCarriedOut()
    {
        var e = Evaluation;
        switch (e.Decision)
        {
            case GateDecision.CheckFlatIndex:
                e.Flat.Should().NotBeNull("the tree says: check the flat index");
                e.FlatVerdict.Should().Be(DecisionGate.JudgeFlatAblation(e.Flat!.RecallAt5.Estimate));
                e.Path[^1].Step.Should().Be("flat ablation");
                break;
            case GateDecision.PivotToTwoTower:
                e.TwoTower.Should().NotBeNull("the tree says: pivot to two-tower");
                e.TwoTower!.Ivf.IndexDescription.Should().Contain("P(payload)", "the two-tower model retrieves from its own payload tower's vectors");
                break;
            case GateDecision.TrainMoreEpochs:
                e.Rechecks.Should().NotBeEmpty("the tree says: train 1-2 more epochs and re-check");
                e.Rechecks.Select(m => m.Epoch).Should().Equal(Enumerable.Range(2, e.Rechecks.Count), "each extra epoch is trained and re-checked in turn");
                e.Rechecks.Count.Should().BeLessThanOrEqualTo(AutoEvaluation.MaxExtraEpochs);
                (e.Rechecks.Count == AutoEvaluation.MaxExtraEpochs || e.Rechecks[^1].Decision != GateDecision.TrainMoreEpochs)
                    .Should().BeTrue("re-checking stops after 2 extra epochs or as soon as the tree leaves 'train more'");
                break;
            default:
                e.Path[^1].Step.Should().Be("action");
                break;
        }

        context.Scenario.AttachText("Decision path", $"decision: {DecisionGate.Describe(e.Decision)}; action: {e.Action}; outcome: {e.Outcome}");
    }

    [Then("the re-check's R@5 and decision are reported")]
    public void ThenRecheckReported()
    {
        var e = Evaluation;
        e.Rechecks.Should().NotBeEmpty("the decision was to train more and re-check");
        e.Path.Should().Contain(p => p.Step.StartsWith("re-check after epoch", StringComparison.Ordinal));
        e.Rechecks[^1].Separation.Positives.Should().Be(context.Session.Data.Eval.Count, "the re-check measures the same eval set");
    }

    [Then("the report shows the summary table with rows:")]
    public void ThenSummaryTable(DataTable expected)
    {
        var s = context.Session;
        var rows = SanitySummary.Build(s.Normalization(), s.OracleRecall(OracleIndexVariant.Payload), s.Alignment(), Evaluation, context.Config.Retrieval.Nprobe);
        context.Attach(InfoNceTables.Summary(rows));
        rows.Select(r => r.Check).Should().Equal(expected.Rows.Select(r => r[0]));
        context.Scenario.AttachJson("Summary rows", System.Text.Json.JsonSerializer.Serialize(rows));
        context.Metrics.Record("infonce.summary.rows_passing", rows.Count(r => r.Status.Contains("PASS", StringComparison.Ordinal)), MetricDirection.HigherIsBetter, kind: MetricKind.Count);
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
