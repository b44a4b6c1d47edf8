using FluentAssertions;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Xunit;

namespace Nvf.Core.Tests.Baselines;

public sealed class BaselineComparisonTests
{
    static Baseline With(params (string Name, BaselineMetric Metric)[] metrics) => new()
    {
        Name = "gate",
        AcceptedRunId = "20261123-093000-aaaaaa",
        AcceptedUtc = DateTimeOffset.UnixEpoch,
        GitCommit = "abc",
        Metrics = metrics.ToDictionary(m => m.Name, m => m.Metric),
    };

    static RecordedMetric Obtained(string name, double value) => new(name, value, MetricDirection.HigherIsBetter);

    [Theory]
    // Higher is better, absolute 0.02 around 0.68: 0.66 is the last value allowed.
    [InlineData(0.661, false)]
    [InlineData(0.659, true)]
    [InlineData(0.90, false)]
    public void Absolute_tolerance_fails_only_a_drop_beyond_it(double obtained, bool regressed)
    {
        var baseline = With(("top1", new BaselineMetric(0.68, MetricDirection.HigherIsBetter, new MetricTolerance(Absolute: 0.02))));

        var comparison = BaselineComparison.Compare(baseline, [Obtained("top1", obtained)]);

        comparison.Passed.Should().Be(!regressed);
        comparison.Compared.Should().Be(1);
    }

    [Fact]
    public void Lower_is_better_with_relative_tolerance_fails_a_rise_and_reports_obtained_expected_difference()
    {
        var baseline = With(("loss", new BaselineMetric(2.0, MetricDirection.LowerIsBetter, new MetricTolerance(Relative: 0.05), "nats")));

        BaselineComparison.Compare(baseline, [Obtained("loss", 2.09)]).Passed.Should().BeTrue("2.09 is within 5% of 2.0");
        BaselineComparison.Compare(baseline, [Obtained("loss", 1.0)]).Passed.Should().BeTrue("lower is better");
        var regression = BaselineComparison.Compare(baseline, [Obtained("loss", 2.2)]).Regressions.Should().ContainSingle().Subject;

        regression.Should().BeEquivalentTo(new { Name = "loss", Obtained = 2.2, Expected = 2.0, Unit = "nats" });
        regression.Difference.Should().BeApproximately(0.2, 1e-12);
        regression.Allowed.Should().BeApproximately(0.1, 1e-12);
    }

    [Fact]
    public void Interval_tolerance_allows_the_accepted_interval_on_the_bad_side_only()
    {
        var accepted = new BaselineMetric(0.68, MetricDirection.HigherIsBetter, new MetricTolerance(Interval: true), "", 0.667, 0.693);

        accepted.Tolerance.AllowedFor(accepted).Should().BeApproximately(0.013, 1e-12);
    }

    [Theory]
    // A 68% Top-1 over 5,000 queries: Wilson [0.667, 0.693], standard error 0.0066 on either side. Two such runs
    // differ by 3 standard errors of their difference at 0.68 - 3 x 0.0066 x √2 = 0.652.
    [InlineData(0.653, false)]
    [InlineData(0.651, true)]
    // The seed's 3-point drop fails.
    [InlineData(0.65, true)]
    // Better never fails.
    [InlineData(0.75, false)]
    public void A_criterion_may_fall_three_standard_errors_of_the_difference(double obtained, bool regressed)
    {
        var accepted = new BaselineMetric(0.68, MetricDirection.HigherIsBetter, new MetricTolerance(Interval: true), "", 0.68 - 0.013, 0.68 + 0.013, Kind: MetricKind.Criterion);
        var baseline = With(("top1", accepted));
        var run = new RecordedMetric("top1", obtained, MetricDirection.HigherIsBetter, "", obtained - 0.013, obtained + 0.013, Kind: MetricKind.Criterion);

        var comparison = BaselineComparison.Compare(baseline, [run]);

        comparison.Passed.Should().Be(!regressed);
        if (regressed)
        {
            comparison.Regressions.Single().Rule.Should().StartWith("3 standard errors");
        }
    }

    [Fact]
    public void A_criterion_without_an_interval_in_an_older_baseline_uses_the_run_interval_for_both_sides()
    {
        var baseline = With(("delta", new BaselineMetric(0.36, MetricDirection.HigherIsBetter, new MetricTolerance(0.001, 0.02))));
        var se = 0.01 / 1.959963984540054;
        RecordedMetric Run(double value) => new("delta", value, MetricDirection.HigherIsBetter, "", value - 0.01, value + 0.01, Kind: MetricKind.Criterion);

        BaselineComparison.Compare(baseline, [Run(0.36 - 2.9 * se * Math.Sqrt(2))]).Passed.Should().BeTrue();
        BaselineComparison.Compare(baseline, [Run(0.36 - 3.1 * se * Math.Sqrt(2))]).Passed.Should().BeFalse();
    }

    [Theory]
    // A gradient norm exists to show that gradients flow: any positive value passes, whatever the baseline's.
    [InlineData(5.333, false)]
    [InlineData(0.001, false)]
    [InlineData(0.0, true)]
    public void A_diagnostic_is_compared_with_its_bound_only(double obtained, bool regressed)
    {
        var baseline = With(("grad", new BaselineMetric(5.561, MetricDirection.HigherIsBetter, new MetricTolerance(0.001, 0.02))));

        var comparison = BaselineComparison.Compare(baseline, [new RecordedMetric("grad", obtained, MetricDirection.HigherIsBetter, Kind: MetricKind.Diagnostic, Bound: 0)]);

        comparison.Passed.Should().Be(!regressed);
        if (regressed)
        {
            comparison.Regressions.Single().Rule.Should().Be("must stay > 0");
        }
    }

    [Fact]
    public void A_diagnostic_without_a_bound_is_tracked_and_never_fails()
    {
        var baseline = With(("untrained", new BaselineMetric(0.0151, MetricDirection.HigherIsBetter, new MetricTolerance(0.001, 0.02))));

        var comparison = BaselineComparison.Compare(baseline, [new RecordedMetric("untrained", 0.0134, MetricDirection.HigherIsBetter, Kind: MetricKind.Diagnostic)]);

        comparison.Passed.Should().BeTrue();
        comparison.Tracked.Should().Equal("untrained");
    }

    [Fact]
    public void A_count_must_not_get_worse_at_all()
    {
        var baseline = With(("faults", new BaselineMetric(0, MetricDirection.LowerIsBetter, new MetricTolerance(0.001, 0.02))));
        RecordedMetric Run(double value) => new("faults", value, MetricDirection.LowerIsBetter, Kind: MetricKind.Count);

        BaselineComparison.Compare(baseline, [Run(0)]).Passed.Should().BeTrue();
        BaselineComparison.Compare(baseline, [Run(1)]).Regressions.Single().Rule.Should().Be("exact");
    }

    [Fact]
    public void Timings_are_compared_only_on_the_baseline_machine_and_otherwise_reported_with_both_figures()
    {
        var here = new global::Nvf.Core.Provenance.MachineFingerprint("AMD EPYC (AVX-512)", "OpenBLAS Cooperlake", 2);
        var generic = here with { Blas = "OpenBLAS Prescott" };
        var baseline = With(("epoch_cpu_seconds", new BaselineMetric(11.7, MetricDirection.LowerIsBetter, new MetricTolerance(Relative: 3.0), "s"))) with { Fingerprint = here };
        var slow = new RecordedMetric("epoch_cpu_seconds", 48.6, MetricDirection.LowerIsBetter, "s", Kind: MetricKind.Timing);

        var elsewhere = BaselineComparison.Compare(baseline, [slow], RunScope.Unknown, generic);
        elsewhere.Passed.Should().BeTrue("4.2x the CPU on generic kernels is not a regression of the research");
        elsewhere.NotComparable.Single().Should().BeEquivalentTo(new { Name = "epoch_cpu_seconds", Obtained = 48.6, Expected = 11.7, Unit = "s" });
        elsewhere.NotComparable.Single().Why.Should().Contain("OpenBLAS Prescott vs OpenBLAS Cooperlake");

        BaselineComparison.Compare(baseline, [slow], RunScope.Unknown, here).Regressions.Should().ContainSingle("on the same machine, 48.6 s is beyond 4 x 11.7 s");
        BaselineComparison.Compare(baseline with { Fingerprint = null }, [slow], RunScope.Unknown, here).NotComparable.Single().Why.Should().Contain("no machine fingerprint");
    }

    [Fact]
    public void Only_offending_metrics_are_listed_and_unmeasured_or_new_ones_are_named_apart()
    {
        var exact = new MetricTolerance();
        var baseline = With(
            ("a", new BaselineMetric(1, MetricDirection.HigherIsBetter, exact)),
            ("b", new BaselineMetric(1, MetricDirection.HigherIsBetter, exact)),
            ("c", new BaselineMetric(1, MetricDirection.HigherIsBetter, exact)));

        var comparison = BaselineComparison.Compare(baseline, [Obtained("a", 1), Obtained("b", 0.99), Obtained("b", 0.5), Obtained("d", 3)]);

        comparison.Regressions.Select(r => (r.Name, r.Obtained)).Should().Equal(("b", 0.5));
        comparison.NotMeasured.Should().Equal("c");
        comparison.NotInBaseline.Should().Equal("d");
        comparison.Compared.Should().Be(2);
    }

    [Fact]
    public void Tolerance_takes_the_largest_allowance_and_describes_itself()
    {
        var metric = new BaselineMetric(0.5, MetricDirection.HigherIsBetter, new MetricTolerance(0.01, 0.1, true), "", 0.45, 0.55);

        metric.Tolerance.AllowedFor(metric).Should().BeApproximately(0.05, 1e-12);
        metric.Tolerance.Describe().Should().Be("±0.01 or ±10% or 95% interval");
        new MetricTolerance().Describe().Should().Be("exact");
    }

    [Theory]
    [InlineData("exact", null, null, false)]
    [InlineData("±0.02", 0.02, null, false)]
    [InlineData("+-5%", null, 0.05, false)]
    [InlineData("±0.01 or ±10% or 95% interval", 0.01, 0.1, true)]
    public void Tolerance_text_parses_back_to_what_describe_writes(string text, double? absolute, double? relative, bool interval)
    {
        var tolerance = MetricTolerance.Parse(text);

        tolerance.Should().Be(new MetricTolerance(absolute, relative, interval));
        MetricTolerance.Parse(tolerance.Describe()).Should().Be(tolerance);
    }

    [Theory]
    [InlineData("about 2%")]
    [InlineData("±-1")]
    [InlineData("")]
    public void Tolerance_text_that_is_not_understood_is_refused(string text) =>
        FluentActions.Invoking(() => MetricTolerance.Parse(text)).Should().Throw<FormatException>().WithMessage("*expected \"exact\" or parts like*");

    static Baseline Measured(params (string Name, string Scenario)[] metrics) => With(metrics.Select(m => (m.Name, new BaselineMetric(1, MetricDirection.HigherIsBetter, new MetricTolerance(), "", null, null, m.Scenario))).ToArray());

    [Fact]
    public void A_full_run_that_lacks_a_baselined_metric_fails_with_metric_disappeared()
    {
        var baseline = Measured(("kept", "F › kept"), ("gone", "F › gone"), ("renamed", "F › old name"));
        var scope = new RunScope(Full: true, new Dictionary<string, string> { ["F › kept"] = "passed", ["F › gone"] = "passed" });

        var comparison = BaselineComparison.Compare(baseline, [Obtained("kept", 1)], scope);

        comparison.Passed.Should().BeFalse();
        comparison.Disappeared.Select(m => m.Name).Should().Equal("gone", "renamed");
        comparison.Disappeared[0].Why.Should().Contain("passed without recording it");
        comparison.Disappeared[1].Why.Should().Contain("is not in it (renamed or removed? accept a new baseline)");
        RegressionTable.Rows(comparison).Select(r => string.Join(" | ", r)).Should().Equal("gone | missing | 1 | disappeared |  | ", "renamed | missing | 1 | disappeared |  | ");
        RegressionTable.Describe(comparison).Should().Contain("gone: metric disappeared (expected 1)");
    }

    [Fact]
    public void A_filtered_run_compares_only_the_metrics_of_the_scenarios_it_ran()
    {
        var baseline = Measured(("ran", "F › ran"), ("filtered-out", "F › other"), ("skipped", "F › skipped"), ("silent", "F › silent"));
        var scope = new RunScope(Full: false, new Dictionary<string, string> { ["F › ran"] = "passed", ["F › skipped"] = "skipped", ["F › silent"] = "passed" });

        var comparison = BaselineComparison.Compare(baseline, [Obtained("ran", 1)], scope);

        comparison.Disappeared.Select(m => m.Name).Should().Equal(["silent"], "its scenario ran and passed but recorded nothing");
        comparison.NotMeasured.Should().Equal("filtered-out", "skipped");
        comparison.Passed.Should().BeFalse();
    }

    [Fact]
    public void A_skipped_scenario_in_a_full_run_leaves_its_metric_not_measured()
    {
        var baseline = Measured(("qdrant.recall", "Store › parity"));
        var scope = new RunScope(Full: true, new Dictionary<string, string> { ["Store › parity"] = "skipped" });

        var comparison = BaselineComparison.Compare(baseline, [], scope);

        comparison.Passed.Should().BeTrue("the skip is reported as a skip, with its reason");
        comparison.NotMeasured.Should().Equal("qdrant.recall");
    }
}
