using System.Globalization;
using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Pipeline;
using Nvf.Core.Retrieval;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>Steps of training.feature: train, measure separation, retrieve through IVF and flat.</summary>
[Binding]
public sealed class TrainingSteps(InfoNceContext context)
{
    [When("the {string} model is trained for {int} epoch(s) with the {string} objective")]
    public void WhenTrained(string encoder, int epochs, string objective)
    {
        var key = new ModelRunKey(KebabName.Parse<EncoderKind>(encoder), KebabName.Parse<TrainingObjective>(objective), context.Config.Targets, context.Config.Training);
        context.Trained.Add((key, context.Session.Measure(key, epochs, context.Progress)));
    }

    [When("the two-tower model is trained for {int} epoch(s) with InfoNCE on cos\\(Q\\(ctx), P\\(target))")]
    public void WhenTwoTowerTrained(int epochs)
    {
        WhenTrained("attention", epochs, "pure-infonce");
        WhenTrained("attention", epochs, "two-tower");
    }

    [When("the separation of its predictions is measured on the eval set")]
    public void WhenSeparationMeasured() =>
        context.Last.Measurement.Separation.Positives.Should().Be(context.Session.Data.Eval.Count, "every eval sample is a positive pair");

    [When("its predictions are retrieved from the IVF index, top {int}")]
    public void WhenRetrievedFromIvf(int topK) => context.Last.Measurement.Ivf.TopK.Should().Be(topK);

    [When("its predictions are retrieved from a flat inner-product index, top {int}")]
    public void WhenRetrievedFromFlat(int topK)
    {
        context.Flat = context.Session.FlatRetrieval(context.Last.Key, context.Last.Measurement.Epoch);
        context.Flat.TopK.Should().Be(topK);
    }

    [Then("the report shows positive cosine, negative cosine, delta, AUC, R@5 and Contain@50")]
    public void ThenReportShowsMetrics()
    {
        AttachMeasurements("Separation and IVF retrieval after epoch 1");
        var (key, measurement) = context.Last;
        var s = measurement.Separation;
        new[] { s.PositiveMean, s.NegativeMean, s.Auc }.Should().OnlyContain(x => double.IsFinite(x));
        context.Metrics.Record($"infonce.{InfoNceMetrics.Part(key)}", measurement.Figures());
    }

    [Then("the success tier reached is reported")]
    public void ThenTierReported() =>
        context.Scenario.AttachText("Success tier", $"{context.Last.Key}: {context.Last.Measurement.Tier}");

    [Then("R@5 is above {percent}")]
    public void ThenRecallAbove(double minimum)
    {
        AttachMeasurements("Separation and IVF retrieval after epoch 1");
        context.Metrics.Record("infonce.minimum.r_at_5", context.Last.Measurement.Ivf.RecallAt5);
        context.Last.Measurement.RecallAt5.Should().BeGreaterThan(minimum);
    }

    [Then("delta \\(pos - neg) is above {float}")]
    public void ThenDeltaAbove(double minimum)
    {
        context.Metrics.Record("infonce.minimum.delta", context.Last.Measurement.Separation.Delta, context.Last.Measurement.Separation.DeltaInterval);
        context.Last.Measurement.Separation.Delta.Should().BeGreaterThan(minimum);
    }

    [Then("pure InfoNCE's delta exceeds V1's delta")]
    public void ThenPureBeatsV1()
    {
        AttachMeasurements("Pure InfoNCE vs V1 (split objectives)");
        var pure = context.Trained.Single(t => t.Key.Objective == TrainingObjective.PureInfoNce).Measurement;
        var v1 = context.Trained.Single(t => t.Key.Objective == TrainingObjective.V1Split).Measurement;
        context.Metrics.Record("infonce.v1_gap.delta", pure.Separation.Delta - v1.Separation.Delta, DifferenceInterval(pure.Separation, v1.Separation));
        pure.Separation.Delta.Should().BeGreaterThan(v1.Separation.Delta);
    }

    [Then("the report shows R@5 on IVF and on flat side by side")]
    public void ThenIvfAndFlatSideBySide()
    {
        var (key, measurement) = context.Last;
        context.Attach(InfoNceTables.Retrieval($"{key}: the same predictions on IVF and on flat", measurement.Ivf, Flat));
        context.Scenario.AttachSvg($"{key}: R@5 vs nprobe", InfoNcePlots.RecallByNprobe($"{key}, epoch {measurement.Epoch}: R@5 vs nprobe", context.Session.RecallByNprobe(key, measurement.Epoch)));
        context.Metrics.Record("infonce.flat.r_at_5", Flat.RecallAt5);
    }

    [Then("flat R@5 is at least IVF R@5")]
    public void ThenFlatAtLeastIvf()
    {
        var ivf = context.Last.Measurement.Ivf.RecallAt5;
        var points = 100 * (Flat.RecallAt5.Estimate - ivf.Estimate);
        context.Scenario.RecordAnswer(ResearchAnswers.Of(ResearchQuestions.FlatAblation, $"{context.DataLabel}, {context.Last.Key}", AnswerVerdict.Answered, Flat.RecallAt5) with
        {
            Figure = string.Create(CultureInfo.InvariantCulture, $"flat R@5 {MetricsTable.Percent(Flat.RecallAt5.Estimate)} vs IVF {MetricsTable.Percent(ivf.Estimate)} ({points:+0.0;-0.0;0.0} points)"),
            Detail = Flat.RecallAt5.Successes > ivf.Successes
                ? "exact search finds what IVF misses: part of the loss is the ANN index"
                : "IVF loses nothing here: what the model misses is the model's, not the index's",
        });
        Flat.RecallAt5.Successes.Should().BeGreaterThanOrEqualTo(ivf.Successes, "exact search ranks the true row at least as high as an ANN index");
    }

    [Then("the report shows its delta and R@5 beside the single-tower model's")]
    public void ThenTwoTowerBesideSingle()
    {
        AttachMeasurements("Two-tower vs single tower, epoch 1");
        var towers = context.Last.Measurement;
        context.Metrics.Record("infonce.two_tower.delta", towers.Separation.Delta, towers.Separation.DeltaInterval);
        context.Metrics.Record("infonce.two_tower.r_at_5", towers.Ivf.RecallAt5);
        context.Scenario.RecordAnswer(ResearchAnswers.Of(ResearchQuestions.TwoTower, $"{context.DataLabel}, {context.Last.Key}", ResearchAnswers.MetIf(towers.Ivf.RecallAt5.Successes > 0), towers.Ivf.RecallAt5) with
        {
            Target = "R@5 > 0%",
            Detail = string.Create(CultureInfo.InvariantCulture, $"delta {towers.Separation.Delta:F3}; trained and evaluated as the pivot the tree calls for when R@5 = 0% and delta < {DecisionGate.FlatCheckDelta:0.00}"),
        });
    }

    [Then("its R@5 is above {percent}")]
    public void ThenItsRecallAbove(double minimum) => context.Last.Measurement.RecallAt5.Should().BeGreaterThan(minimum);

    // The measurements table, then per model: its cosine histograms and recall vs nprobe; and the training curves of all.
    void AttachMeasurements(string title)
    {
        context.Attach(InfoNceTables.Measurements(title, context.Trained.Select(t => (t.Key.ToString(), t.Measurement))));
        InfoNceReports.AttachModelPlots(context, context.Trained);
    }

    RetrievalReport Flat => context.Flat ?? throw new InvalidOperationException("No flat retrieval; expected 'its predictions are retrieved from a flat inner-product index' first.");

    // Δ(pure) - Δ(V1) ± 1.96 √(se₁² + se₂²): the two models are evaluated on the same samples, so this ignores
    // their correlation and overstates the error (a conservative interval).
    static (double Low, double High)? DifferenceInterval(Core.Metrics.SeparationReport a, Core.Metrics.SeparationReport b)
    {
        var se = Math.Sqrt(a.DeltaStandardError * a.DeltaStandardError + b.DeltaStandardError * b.DeltaStandardError);
        var difference = a.Delta - b.Delta;
        return double.IsFinite(se) ? (difference - 1.96 * se, difference + 1.96 * se) : null;
    }
}
