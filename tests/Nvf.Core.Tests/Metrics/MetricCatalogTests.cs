using FluentAssertions;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Core.Metrics;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Metrics;

/// <summary>The metric catalogue (issue 22, item 2) against the committed baseline: one family per name, the same kind, direction and unit.</summary>
public class MetricCatalogTests
{
    // Recorded only on a researcher's files, a real corpus's predictions, the Qdrant double or files, so absent from the
    // generated-data baseline; each names a family the baseline alone would leave untested.
    static readonly string[] BeyondTheBaseline =
    [
        "infonce.predictions.r_at_5", "infonce.predictions.delta", "infonce.predictions.auc", "infonce.predictions.contain_at_50",
        "infonce.predictions.mrr_at_10", "infonce.predictions.ndcg_at_10", "real.python_docs.predictions.mrr_at_10",
        "infonce.predictions.flat.r_at_5",
        "infonce.qdrant.oracle.r_at_1", "infonce.qdrant.oracle.r_at_5", "infonce.qdrant.alignment.aligned",
        "infonce.qdrant.predictions.r_at_5", "infonce.qdrant.predictions.contain_at_50", "infonce.qdrant.rows_differing_from_payload",
        "nvf.model_files.soft_attention_top1", "nvf.model_files.oracle_ceiling_top1", "nvf.model_files.pipeline_top1",
        "nvf.model_files.pipeline_top5", "nvf.model_files.accuracy_given_top5", "nvf.model_files.control_top1",
        "nvf.researcher.soft_attention_top1", "nvf.researcher.pipeline_top1",
    ];

    static Baseline Committed => Baseline.Load(RepositoryRoot.Fixture("baselines", "gate.json"));

    [Fact]
    public void Every_metric_of_the_committed_baseline_has_one_family_with_its_kind_direction_and_unit()
    {
        var refusals = Committed.Metrics
            .Select(m => MetricCatalog.Refusal(m.Key, m.Value.Kind ?? MetricKind.Plain, m.Value.Direction, m.Value.Unit))
            .OfType<string>().ToList();

        Committed.Metrics.Should().HaveCountGreaterThan(100);
        refusals.Should().BeEmpty();
    }

    [Fact]
    public void Every_family_names_a_metric_the_gate_records()
    {
        var names = Committed.Metrics.Keys.Concat(BeyondTheBaseline).ToList();

        MetricCatalog.Families.Where(f => !names.Any(f.Pattern.IsMatch)).Select(f => f.Template).Should().BeEmpty();
        BeyondTheBaseline.Select(MetricCatalog.Find).Should().NotContainNulls();
    }

    [Theory]
    [InlineData("infonce.attention.pure_infonce.r_at_6", "is not in the metric catalogue")]
    [InlineData("nvf.soft_attention.top2", "is not in the metric catalogue")]
    [InlineData("nvf.someone_else.pipeline_top1", "is not in the metric catalogue")]
    [InlineData("infonce.auto_eval.nightly.attention.pure_infonce.r_at_5", "is not in the metric catalogue")]
    public void A_name_outside_the_catalogue_is_refused_naming_the_catalogue(string name, string why) =>
        MetricCatalog.Refusal(name, MetricKind.Criterion, MetricDirection.HigherIsBetter, "").Should().Contain(why).And.Contain("MetricCatalog.cs");

    [Fact]
    public void A_figure_recorded_with_another_kind_direction_or_unit_than_its_family_is_refused()
    {
        MetricCatalog.Refusal("infonce.oracle.r_at_1", MetricKind.Criterion, MetricDirection.HigherIsBetter, "").Should().BeNull();
        MetricCatalog.Refusal("infonce.oracle.r_at_1", MetricKind.Diagnostic, MetricDirection.HigherIsBetter, "").Should().Contain("its catalogue family {plumbing}.oracle.r_at_1 says Criterion");
        MetricCatalog.Refusal("infonce.oracle.r_at_1", MetricKind.Criterion, MetricDirection.LowerIsBetter, "").Should().NotBeNull();
        MetricCatalog.Refusal("infonce.attention.pure_infonce.epoch_cpu_seconds", MetricKind.Timing, MetricDirection.LowerIsBetter, "ms").Should().NotBeNull();
    }
    [Fact]
    public void The_figures_core_results_emit_are_catalogued_under_every_prefix_the_gate_records_them_at()
    {
        var separation = new SeparationReport(0.6, 0.1, 0.9, 100, 1000, 1024, DeltaStandardError: 0.01, AucStandardError: 0.01);
        var retrieval = new Nvf.Core.Retrieval.RetrievalReport("IVF-Flat IP, nlist 3072, nprobe 64", ProportionEstimate.Wilson(10, 100), ProportionEstimate.Wilson(50, 100), 50, 1.0);
        var one = new Nvf.Core.Data.VectorSet(new float[4], 1, 4);
        var measurement = new Nvf.Core.Decision.EpochMeasurement(1, 1.0, 2.0, 3.0, one, one, separation, retrieval);

        var recorded = new List<(string Prefix, Figure Figure)>();
        foreach (var prefix in new[] { "infonce.attention.pure_infonce", "infonce.mlp.pure_infonce", "infonce.auto_eval.generated.attention.v1_split", "infonce.auto_eval.shuffled.attention.pure_infonce.shuffled" })
            recorded.AddRange(measurement.Figures().Select(f => (prefix, f)));
        foreach (var prefix in new[] { "infonce.predictions", "real.python_docs.predictions" })
            recorded.AddRange(separation.Figures().Concat(retrieval.Figures()).Select(f => (prefix, f)));
        foreach (var prefix in new[] { "infonce.auto_eval.generated.attention.v1_split.recheck", "infonce.auto_eval.generated.attention.pure_infonce.two_tower" })
            recorded.AddRange(new[] { retrieval.RecallAt5Figure, separation.DeltaFigure }.Select(f => (prefix, f)));
        foreach (var prefix in new[] { "infonce.auto_eval.stale_index.attention.pure_infonce.flat", "infonce.predictions.flat" })
            recorded.Add((prefix, retrieval.RecallAt5Figure));

        measurement.Figures().Select(f => f.Name).Should().Equal("delta", "auc", "r_at_5", "contain_at_50", "epoch_cpu_seconds");
        recorded.Should().OnlyContain(r => MetricCatalog.Refusal($"{r.Prefix}.{r.Figure.Name}", r.Figure.Kind, r.Figure.Direction, r.Figure.Unit) == null,
            "every figure a result emits has its family, kind, direction and unit in the catalogue");
        measurement.Figures()[2].Low.Should().Be(retrieval.RecallAt5.Lower, "a proportion carries its Wilson interval");
    }
}
