using FluentAssertions;
using Nvf.Core.Index;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;
using Nvf.Core.Sanity;
using Nvf.Faiss;
using Reqnroll;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>Steps of plumbing.feature: oracle recall, normalization, eval alignment, provenance, and their controls.</summary>
[Binding]
public sealed class PlumbingSteps(InfoNceContext context)
{
    [When("{int} random payload vectors are used as their own queries, top {int}")]
    public void WhenOracleQueries(int queries, int topK)
    {
        context.Config.Retrieval.OracleQueries.Should().Be(queries, "the run config sets the query count the feature states");
        topK.Should().Be(OracleRecallCheck.TopK);
        context.Oracle = context.Session.OracleRecall(context.OracleVariant);
        var description = context.OracleVariant == OracleIndexVariant.Payload ? context.Session.IndexDescription : $"control: {context.OracleVariant}";
        foreach (var table in InfoNceTables.Oracle(context.Oracle, description))
            context.Attach(table);
        var r = context.Oracle.Recall;
        var hitsAt1 = ProportionEstimate.Wilson((long)Math.Round(r.Recall(1) * r.QueryCount), r.QueryCount);
        if (context.OracleVariant == OracleIndexVariant.Payload)
        {
            context.Metrics.Record("infonce.oracle.r_at_1", hitsAt1);
            context.Metrics.Record("infonce.oracle.r_at_5", ProportionEstimate.Wilson((long)Math.Round(r.Recall(5) * r.QueryCount), r.QueryCount));
            context.Metrics.Record("infonce.oracle.r_at_50", ProportionEstimate.Wilson((long)Math.Round(r.Recall(50) * r.QueryCount), r.QueryCount));
            context.Metrics.Record("infonce.oracle.faults", r.FaultCount, MetricDirection.LowerIsBetter, kind: MetricKind.Count);
        }
        else
        {
            // A control is better the more clearly it fails.
            context.Metrics.Record($"infonce.control.{ControlName(context.OracleVariant)}.oracle_r_at_1", hitsAt1, MetricDirection.LowerIsBetter);
        }
    }

    [Then("oracle R@1 is at least {percent}")]
    public void ThenRecallAt1(double minimum) => Oracle.Recall.Recall(1).Should().BeGreaterThanOrEqualTo(minimum);

    [Then("oracle R@5 is {percent}")]
    public void ThenRecallAt5(double expected) => Oracle.Recall.Recall(5).Should().Be(expected);

    [Then("oracle R@50 is {percent}")]
    public void ThenRecallAt50(double expected) => Oracle.Recall.Recall(50).Should().Be(expected);

    [Then("every R@1 miss is explained as a duplicate ranked first, not as a fault")]
    public void ThenEveryMissIsATie()
    {
        Oracle.Recall.FaultCount.Should().Be(0, "a self-query on IVF-Flat probes its own list and scores 1.0: only an exact duplicate can tie it");
        // No miss at all (a payload without duplicates) is the best case, not a failure.
        Oracle.Recall.MissesAtOne.Where(m => m.Kind != OracleMissKind.DuplicateTie).Should().BeEmpty();
    }

    [Then("the oracle recall check fails")]
    public void ThenOracleFails()
    {
        context.Scenario.AttachText("Why the control fails", string.Join(Environment.NewLine, Oracle.Outcome.Failures));
        Oracle.Outcome.Passed.Should().BeFalse("the negative control must make the check fail");
    }

    [When("the payload norms are measured")]
    public void WhenNormsAreMeasured()
    {
        context.Normalization = context.PayloadScaled ? context.Session.UnnormalizedNormalization() : context.Session.Normalization();
        context.Attach(InfoNceTables.Normalization(context.Normalization));
        var n = context.Normalization.Norms;
        var deviation = Math.Max(Math.Abs(n.Max - 1), Math.Abs(n.Min - 1));
        if (context.PayloadScaled)
            context.Metrics.Record("infonce.control.scaled_norms.max_norm_deviation", deviation, MetricDirection.HigherIsBetter, bound: NormalizationCheck.Tolerance);
        else
            context.Metrics.Record("infonce.norm.max_deviation", deviation, MetricDirection.LowerIsBetter, bound: NormalizationCheck.Tolerance);
    }

    [Then("the mean, min and max norm are within {real} of 1")]
    public void ThenNormsAreUnit(double tolerance)
    {
        var n = Normalization.Norms;
        new[] { n.Mean, n.Min, n.Max }.Should().OnlyContain(x => Math.Abs(x - 1) <= tolerance);
    }

    [Then("the index metric is inner product")]
    public void ThenMetricIsInnerProduct() => Normalization.IndexMetric.Should().Be(FaissMetric.InnerProduct);

    [Then("the normalization check fails")]
    public void ThenNormalizationFails()
    {
        context.Scenario.AttachText("Why the control fails", string.Join(Environment.NewLine, Normalization.Outcome.Failures));
        Normalization.Outcome.Passed.Should().BeFalse("the negative control must make the check fail");
    }

    [When("{int} random eval targets are compared with payload[truth_key]")]
    public void WhenAlignmentIsMeasured(int samples)
    {
        context.Config.Retrieval.AlignmentSamples.Should().Be(samples, "the run config sets the sample count the feature states");
        context.Alignment = context.Session.Alignment(context.KeysShifted);
        context.Attach(InfoNceTables.Alignment(context.Alignment));
        var aligned = context.Alignment.Statistics?.Aligned ?? ProportionEstimate.Wilson(0, context.Alignment.Samples);
        if (context.KeysShifted)
        {
            context.Metrics.Record("infonce.control.keys_shifted.aligned", aligned, MetricDirection.LowerIsBetter);
        }
        else
        {
            context.Metrics.Record("infonce.alignment.aligned", aligned);
            if (context.Alignment.Statistics is { } statistics)
                context.Metrics.Record("infonce.alignment.min_cosine", statistics.Min, MetricDirection.HigherIsBetter, bound: AlignmentStatistics.SeedThreshold);
        }
    }

    [Then("the mean cosine is {float}")]
    public void ThenMeanCosine(double expected) => Alignment.Statistics!.Mean.Should().BeApproximately(expected, 5e-7, "printed to 6 decimals as the seed does");

    [Then("the min cosine is {float}")]
    public void ThenMinCosine(double expected) => Alignment.Statistics!.Min.Should().BeApproximately(expected, 5e-7, "printed to 6 decimals as the seed does");

    [Then("{percent} are aligned \\(cosine > {float})")]
    public void ThenAlignedShare(double share, double threshold)
    {
        Alignment.Statistics!.Threshold.Should().Be(threshold);
        Alignment.Statistics.Aligned.Estimate.Should().Be(share);
    }

    [Then("the eval alignment check fails")]
    public void ThenAlignmentFails()
    {
        context.Scenario.AttachText("Why the control fails", string.Join(Environment.NewLine, Alignment.Outcome.Failures));
        Alignment.Outcome.Passed.Should().BeFalse("the negative control must make the check fail");
    }

    [When("the eval set's provenance is recorded")]
    public void WhenProvenanceIsRecorded()
    {
        context.Provenance = context.Session.Provenance();
        context.Attach(InfoNceTables.Provenance(context.Provenance));
        if (context.Provenance.Split is { } split)
            context.Metrics.Record("infonce.leakage", ProportionEstimate.Wilson(split.LeakedArticles.Length, split.EvalArticles.Length), MetricDirection.LowerIsBetter);
    }

    [Then("the report shows the file, the shapes, the hash and when it was aligned")]
    public void ThenProvenanceIsComplete()
    {
        var p = Provenance;
        File.Exists(p.File.Path).Should().BeTrue();
        p.File.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        p.AlignedUtc.Should().NotBeNull();
    }

    [Then("contexts have shape \\(N, {int}, {int}), targets \\(N, {int}) and truth keys \\(N, {int})")]
    public void ThenShapes(int contextLength, int dimension, int targetDimension, int keyWidth)
    {
        var p = Provenance;
        p.Contexts[1..].Should().Equal(contextLength, dimension);
        p.Targets[1].Should().Be(targetDimension);
        p.TruthKeys[1].Should().Be(keyWidth);
        new[] { p.Contexts[0], p.Targets[0], p.TruthKeys[0] }.Should().AllBeEquivalentTo(p.Contexts[0], "one N throughout");
    }

    [Then("the share of eval articles also seen in training is reported and flagged above {percent}")]
    public void ThenLeakageIsFlagged(double threshold)
    {
        if (Provenance.LeakedShare is null)
            ScenarioEvidence.Skip("leakage needs the training set: give a training .npz in NVF_TRAIN (or the NVF_ARTIFACTS field 'training')");
        Provenance.LeakedShare.Should().BeGreaterThan(threshold, "the generated split reproduces the seed's leaked eval set");
        Provenance.LeakageFlagged.Should().BeTrue();
    }

    static string ControlName(OracleIndexVariant variant) => variant switch
    {
        OracleIndexVariant.IdsShiftedByOne => "ids_shifted",
        OracleIndexVariant.UnnormalizedInnerProduct => "scaled_ip",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "expected a negative control"),
    };

    OracleRecallCheckResult Oracle => context.Oracle ?? throw new InvalidOperationException("No oracle recall measured; expected the 'When ... used as their own queries' step first.");

    NormalizationCheckResult Normalization => context.Normalization ?? throw new InvalidOperationException("No norms measured; expected 'When the payload norms are measured' first.");

    EvalAlignmentCheckResult Alignment => context.Alignment ?? throw new InvalidOperationException("No alignment measured; expected 'When ... compared with payload[truth_key]' first.");

    EvalProvenance Provenance => context.Provenance ?? throw new InvalidOperationException("No provenance recorded; expected 'When the eval set's provenance is recorded' first.");
}
