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
}
