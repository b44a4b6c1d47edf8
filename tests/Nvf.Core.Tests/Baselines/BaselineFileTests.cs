using FluentAssertions;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Core.Tests.Data;
using Nvf.Core.Tests.History;
using Xunit;

namespace Nvf.Core.Tests.Baselines;

public sealed class BaselineFileTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Accepting_a_run_keeps_existing_tolerances_and_gives_new_metrics_the_stated_defaults()
    {
        var first = SampleRuns.Run("r1", Monday, SampleRuns.Top1(0.68, 0.667, 0.693), new RecordedMetric("seconds", 12, MetricDirection.LowerIsBetter, "s"), new RecordedMetric("loss", 2.0, MetricDirection.LowerIsBetter));
        var accepted = BaselineAcceptance.Accept(first, null, "gate", Monday);

        accepted.Baseline.Metrics["nvf.top1"].Tolerance.Should().Be(new MetricTolerance(Interval: true), "a metric with a 95% interval may move within it");
        accepted.Baseline.Metrics["nvf.top1"].Scenario.Should().Be("NVF › soft attention", "the baseline remembers which scenario must record it");
        accepted.Baseline.Metrics["seconds"].Tolerance.Should().Be(new MetricTolerance(Relative: 3.0), "timings follow the machine and its load");
        accepted.Baseline.Metrics["loss"].Tolerance.Should().Be(new MetricTolerance(Absolute: 0.001, Relative: 0.02));
        accepted.Defaulted.Should().Equal("seconds", "loss");
        accepted.Baseline.GitCommit.Should().Be(first.Provenance.Git.Commit);

        var edited = accepted.Baseline with
        {
            Metrics = new Dictionary<string, BaselineMetric>(accepted.Baseline.Metrics) { ["seconds"] = accepted.Baseline.Metrics["seconds"] with { Tolerance = new MetricTolerance(Relative: 0.5) } },
        };
        var second = BaselineAcceptance.Accept(SampleRuns.Run("r2", Monday, SampleRuns.Top1(0.7), new RecordedMetric("seconds", 10, MetricDirection.LowerIsBetter, "s")), edited, "gate", Monday);

        second.Defaulted.Should().BeEmpty();
        second.Baseline.Metrics["seconds"].Should().Be(new BaselineMetric(10, MetricDirection.LowerIsBetter, new MetricTolerance(Relative: 0.5), "s", Kind: MetricKind.Timing));
        second.Baseline.Metrics["nvf.top1"].Tolerance.Interval.Should().BeTrue();
        second.Baseline.AcceptedRunId.Should().Be("r2");
    }

    [Theory]
    // 2% of 0.68 is 0.0136: 0.667 is within, 0.666 is not.
    [InlineData(0.68, 0.667, false)]
    [InlineData(0.68, 0.666, true)]
    // At 0 the 0.001 floor applies (lower is better): one error in a thousand passes, two do not.
    [InlineData(0.0, 0.001, false)]
    [InlineData(0.0, 0.002, true)]
    public void The_default_tolerance_is_two_percent_with_a_floor_of_0_001(double expected, double obtained, bool regressed)
    {
        var direction = expected == 0 ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter;
        var baseline = BaselineAcceptance.Accept(SampleRuns.Run("r1", Monday, new RecordedMetric("m", expected, direction)), null, "gate", Monday).Baseline;

        var comparison = BaselineComparison.Compare(baseline, [new RecordedMetric("m", obtained, direction)]);

        comparison.Passed.Should().Be(!regressed);
    }

    [Fact]
    public void Accepting_a_filtered_run_keeps_the_metrics_it_did_not_measure()
    {
        var full = BaselineAcceptance.Accept(SampleRuns.Run("r1", Monday, SampleRuns.Top1(0.68), new RecordedMetric("faiss.r5", 0.95, MetricDirection.HigherIsBetter)), null, "gate", Monday);

        var filtered = BaselineAcceptance.Accept(SampleRuns.Run("r2", Monday, SampleRuns.Top1(0.70)), full.Baseline, "gate", Monday);

        filtered.Kept.Should().Equal("faiss.r5");
        filtered.Baseline.Metrics["faiss.r5"].Should().Be(full.Baseline.Metrics["faiss.r5"]);
        filtered.Baseline.Metrics["nvf.top1"].Expected.Should().Be(0.70);
    }

    [Fact]
    public void A_run_without_metrics_cannot_become_a_baseline()
    {
        var run = SampleRuns.Run("r1", Monday);

        FluentActions.Invoking(() => BaselineAcceptance.Accept(run, null, "gate", Monday))
            .Should().Throw<ArgumentException>().WithMessage("Run r1 recorded no metric*");
    }

    [Fact]
    public void A_saved_baseline_loads_back_equal_and_a_hand_written_one_may_carry_comments()
    {
        using var temp = new TempFolder();
        var path = Baseline.PathFor(temp.Path, "gate");
        var baseline = BaselineAcceptance.Accept(SampleRuns.Run("r1", Monday, SampleRuns.Top1(0.68, 0.667, 0.693)), null, "gate", Monday).Baseline;

        baseline.Save(path);
        var back = Baseline.Load(path);

        back.Metrics.Should().BeEquivalentTo(baseline.Metrics);
        back.AcceptedRunId.Should().Be("r1");
        File.ReadAllText(path).Should().Contain("\"direction\": \"higherIsBetter\"");

        File.WriteAllText(path, """
            // The seed's current state: 68% Top-1 within 2 points.
            { "name": "gate", "acceptedRunId": "hand", "acceptedUtc": "2026-11-23T09:30:00Z", "gitCommit": "x",
              "metrics": { "nvf.top1": { "expected": 0.68, "direction": "higherIsBetter", "tolerance": { "absolute": 0.02 } } } }
            """);
        Baseline.Load(path).Metrics["nvf.top1"].Tolerance.Absolute.Should().Be(0.02);
    }

    [Theory]
    [InlineData("{ \"name\": ", "cannot read the baseline")]
    [InlineData("{ \"name\": \"g\", \"acceptedRunId\": \"r\", \"acceptedUtc\": \"2026-11-23T09:30:00Z\", \"gitCommit\": \"x\", \"metrics\": { \"m\": { \"expected\": 1, \"direction\": \"higherIsBetter\" } } }", "metric 'm' needs*tolerance")]
    [InlineData("{ \"name\": \"g\", \"acceptedRunId\": \"r\", \"acceptedUtc\": \"2026-11-23T09:30:00Z\", \"gitCommit\": \"x\", \"metrics\": { \"m\": { \"expected\": 1, \"direction\": \"sideways\", \"tolerance\": {} } } }", "cannot read the baseline")]
    [InlineData("{ \"name\": \"g\", \"acceptedRunId\": \"r\", \"acceptedUtc\": \"2026-11-23T09:30:00Z\", \"gitCommit\": \"x\", \"metrics\": { \"m\": { \"expected\": 1, \"direction\": \"higherIsBetter\", \"tolerance\": { \"absolute\": -1 } } } }", "metric 'm' has a negative tolerance*")]
    public void A_malformed_baseline_is_refused_naming_the_file_and_problem(string json, string message)
    {
        using var temp = new TempFolder();
        var path = temp.File("gate.json");
        File.WriteAllText(path, json);

        FluentActions.Invoking(() => Baseline.Load(path)).Should().Throw<BaselineFormatException>().WithMessage($"{path}: *{message}*");
    }

    [Fact]
    public void A_missing_baseline_file_is_a_format_error_naming_it()
    {
        using var temp = new TempFolder();

        FluentActions.Invoking(() => Baseline.Load(temp.File("none.json"))).Should().Throw<BaselineFormatException>().WithMessage("*none.json*");
    }
}
