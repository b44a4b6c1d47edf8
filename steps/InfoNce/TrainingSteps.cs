using FluentAssertions;
using Nvf.Core.InfoNce;
using Nvf.Gherkin.Bindings;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>Steps of training.feature: train, measure separation, retrieve through IVF and flat.</summary>
[Binding]
public sealed class TrainingSteps(InfoNceContext context)
{
    [When("the {string} model is trained for {int} epoch(s) with the {string} objective")]
    public void WhenTrained(string encoder, int epochs, string objective)
    {
        var key = new ModelRunKey(KebabName.Parse<EncoderKind>(encoder), KebabName.Parse<TrainingObjective>(objective), context.Config.Targets, context.Config.Training);
        context.Trained.Add((key, context.Session.Train(key, epochs).At(epochs)));
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
        context.Attach(InfoNceTables.Measurements("Separation and IVF retrieval after epoch 1", context.Trained.Select(t => (t.Key.ToString(), t.Measurement))));
        var (key, measurement) = context.Last;
        context.Scenario.AttachSvg($"{key}: positive and negative cosines", CosineHistogram.ToSvg($"{key}, epoch {measurement.Epoch}", measurement.Predictions, context.Session.Data.Eval.Targets));
        var s = measurement.Separation;
        new[] { s.PositiveMean, s.NegativeMean, s.Auc }.Should().OnlyContain(x => double.IsFinite(x));
    }

    [Then("the success tier reached is reported")]
    public void ThenTierReported() =>
        context.Scenario.AttachText("Success tier", $"{context.Last.Key}: {context.Last.Measurement.Tier}");

    [Then("R@5 is above {percent}")]
    public void ThenRecallAbove(double minimum)
    {
        ThenReportShowsMetrics();
        context.Last.Measurement.RecallAt5.Should().BeGreaterThan(minimum);
    }

    [Then("delta \\(pos - neg) is above {float}")]
    public void ThenDeltaAbove(double minimum) => context.Last.Measurement.Separation.Delta.Should().BeGreaterThan(minimum);

    [Then("pure InfoNCE's delta exceeds V1's delta")]
    public void ThenPureBeatsV1()
    {
        context.Attach(InfoNceTables.Measurements("Pure InfoNCE vs V1 (split objectives)", context.Trained.Select(t => (t.Key.ToString(), t.Measurement))));
        var pure = context.Trained.Single(t => t.Key.Objective == TrainingObjective.PureInfoNce).Measurement;
        var v1 = context.Trained.Single(t => t.Key.Objective == TrainingObjective.V1Split).Measurement;
        pure.Separation.Delta.Should().BeGreaterThan(v1.Separation.Delta);
    }

    [Then("the report shows R@5 on IVF and on flat side by side")]
    public void ThenIvfAndFlatSideBySide() =>
        context.Attach(InfoNceTables.Retrieval($"{context.Last.Key}: the same predictions on IVF and on flat", context.Last.Measurement.Ivf, Flat));

    [Then("flat R@5 is at least IVF R@5")]
    public void ThenFlatAtLeastIvf() =>
        Flat.RecallAt5.Successes.Should().BeGreaterThanOrEqualTo(context.Last.Measurement.Ivf.RecallAt5.Successes, "exact search ranks the true row at least as high as an ANN index");

    [Then("the report shows its delta and R@5 beside the single-tower model's")]
    public void ThenTwoTowerBesideSingle() =>
        context.Attach(InfoNceTables.Measurements("Two-tower vs single tower, epoch 1", context.Trained.Select(t => (t.Key.ToString(), t.Measurement))));

    [Then("its R@5 is above {percent}")]
    public void ThenItsRecallAbove(double minimum) => context.Last.Measurement.RecallAt5.Should().BeGreaterThan(minimum);

    RetrievalReport Flat => context.Flat ?? throw new InvalidOperationException("No flat retrieval; expected 'its predictions are retrieved from a flat inner-product index' first.");
}
