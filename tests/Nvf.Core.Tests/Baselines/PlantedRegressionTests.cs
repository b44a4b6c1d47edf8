using FluentAssertions;
using Nvf.Core.Baselines;
using Nvf.Core.Data;
using Nvf.Core.History;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Baselines;

/// <summary>
/// The committed baseline (fixtures/baselines/gate.json) must tell a real regression of the research from another
/// numeric path. Its own values pass; a planted 3-point Top-1 drop and a fully leaked eval set fail, each on the
/// one metric that carries it. (The cross-path half, the whole suite on OpenBLAS and on BLIS, and the planted
/// one-epoch reranker, are in bench/cross-path.sh: they need full trainings.)
/// </summary>
public sealed class PlantedRegressionTests
{
    static readonly Baseline Committed = Baseline.Load(Baseline.PathFor(RepositoryLayout.FindRoot(AppContext.BaseDirectory)!, "gate"));

    // The accepted run's own metrics, as that run recorded them.
    static List<RecordedMetric> AcceptedRun() =>
        Committed.Metrics.Select(m => new RecordedMetric(m.Key, m.Value.Expected, m.Value.Direction, m.Value.Unit, m.Value.Low, m.Value.High, m.Value.Scenario, m.Value.Kind, m.Value.Bound)).ToList();

    static List<RecordedMetric> With(RecordedMetric planted) =>
        AcceptedRun().Select(m => m.Name == planted.Name ? planted : m).ToList();

    [Fact]
    public void The_accepted_values_pass_their_own_baseline()
    {
        var comparison = BaselineComparison.Compare(Committed, AcceptedRun());

        comparison.Passed.Should().BeTrue(RegressionTable.Describe(comparison));
        comparison.Compared.Should().Be(Committed.Metrics.Count);
    }

    [Theory]
    [InlineData("nvf.soft_attention.top1")]
    [InlineData("nvf.reranker.improved.pipeline_top1")]
    [InlineData("nvf.clustered.0_2.pipeline_top1")]
    public void A_three_point_top1_drop_fails(string name)
    {
        var accepted = Committed.Metrics[name];
        var n = Trials(accepted);
        var dropped = ProportionEstimate.Wilson((long)Math.Round((accepted.Expected - 0.03) * n), n);

        var comparison = BaselineComparison.Compare(Committed, With(new RecordedMetric(name, dropped.Estimate, accepted.Direction, "", dropped.Lower, dropped.Upper, accepted.Scenario, MetricKind.Criterion)));

        comparison.Regressions.Select(r => r.Name).Should().Equal(name);
    }

    [Fact]
    public void A_leaked_eval_set_fails_on_its_leakage()
    {
        // Every eval article also trained on (the seed's set is 91.5% leaked).
        var split = ArticleSplit.Create(18_250, 0.05, 1.0, 7);
        var leaked = ProportionEstimate.Wilson(split.LeakedArticles.Length, split.EvalArticles.Length);
        var accepted = Committed.Metrics["infonce.leakage"];

        var comparison = BaselineComparison.Compare(Committed, With(new RecordedMetric("infonce.leakage", leaked.Estimate, accepted.Direction, "", leaked.Lower, leaked.Upper, accepted.Scenario, MetricKind.Criterion)));

        comparison.Regressions.Select(r => r.Name).Should().Equal("infonce.leakage");
    }

    [Fact]
    public void Gradient_norms_that_moved_on_generic_kernels_pass_and_a_vanished_gradient_fails()
    {
        // The figures another CPU's generic OpenBLAS kernels gave (issue 12): 4-15% off the accepted ones.
        var moved = AcceptedRun().Select(m => m.Name switch
        {
            "nvf.gradient_flow.candidates_grad_norm" => m with { Value = 5.333 },
            "nvf.gradient_flow.queries_grad_norm" => m with { Value = 5.196 },
            "nvf.gradient_flow.straight_through.smallest_soft_attention_grad_norm" => m with { Value = 1.099 },
            "nvf.reranker.improved.untrained_validation" => m with { Value = m.Value * 1.115 },
            _ => m,
        }).ToList();
        BaselineComparison.Compare(Committed, moved).Passed.Should().BeTrue();

        var vanished = moved.Select(m => m.Name == "nvf.gradient_flow.queries_grad_norm" ? m with { Value = 0 } : m).ToList();
        BaselineComparison.Compare(Committed, vanished).Regressions.Select(r => r.Name).Should().Equal("nvf.gradient_flow.queries_grad_norm");
    }

    // The number of trials behind a Wilson interval: the n whose interval at the estimate has the accepted width.
    static int Trials(BaselineMetric metric)
    {
        for (var n = 10; n < 1_000_000; n++)
        {
            var w = ProportionEstimate.Wilson((long)Math.Round(metric.Expected * n), n);
            if (w.Upper - w.Lower <= metric.High!.Value - metric.Low!.Value + 1e-9)
                return n;
        }

        throw new InvalidOperationException($"no n gives the interval of {metric}");
    }
}
