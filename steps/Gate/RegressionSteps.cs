using Nvf.Gate;
using Nvf.Core.Artifacts;
using System.Globalization;
using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Core.Provenance;
using Reqnroll;
using Nvf.Gherkin.Running;
using MetricDirection = Nvf.Core.History.MetricDirection;

namespace Nvf.Specs.Steps.Gate;

/// <summary>The regression check: this run's metrics (or a table's) against an accepted baseline (or a table's).</summary>
[Binding]
public sealed class RegressionSteps(GateScenario gate, RunSoFar run, ScenarioEvidence context, GateInputs inputs)
{
    [Given("the accepted baseline {string}")]
    public void GivenTheAcceptedBaseline(string name)
    {
        var path = Baseline.PathFor(inputs.RepositoryRoot, name);
        if (!File.Exists(path))
        {
            ScenarioEvidence.Skip($"no baseline accepted yet: {Path.GetRelativePath(inputs.RepositoryRoot, path)} is missing; run `nvf gate`, then `nvf baseline accept`.");
        }

        gate.Baseline = Baseline.Load(path);
    }

    [Given("a baseline with the metrics")]
    public void GivenABaselineWithTheMetrics(DataTable table) =>
        gate.Baseline = new Baseline
        {
            Name = "table",
            AcceptedRunId = "table",
            AcceptedUtc = DateTimeOffset.UnixEpoch,
            GitCommit = "table",
            Metrics = RowsOf(table).ToDictionary(r => r["metric"], r => new BaselineMetric(Number(r["expected"]), Direction(r["better"]), MetricTolerance.Parse(r["tolerance"]), "", Optional(r, "low"), Optional(r, "high"))),
        };

    [When("this run's metrics are compared with it")]
    public void WhenThisRunIsCompared()
    {
        // A full run must record every baselined metric again; a filtered one only those of the scenarios it ran.
        var scope = SuiteScope.Of(run.Results, SuiteScope.FeaturesFolderOf(inputs));
        gate.Comparison = BaselineComparison.Compare(gate.Baseline, RecordedMetrics.From(run.Metrics), scope, MachineProfile.Fingerprint);
        context.AttachText("compared with the accepted baseline", string.Create(CultureInfo.InvariantCulture,
            $"baseline '{gate.Baseline.Name}' from run {gate.Baseline.AcceptedRunId} (commit {gate.Baseline.GitCommit}), {(scope.Full ? "full run" : "filtered run")}: {gate.Comparison.Compared} of {gate.Baseline.Metrics.Count} metrics measured in this run; disappeared: {List(gate.Comparison.Disappeared.Select(m => m.Name).ToList())}; not measured: {List(gate.Comparison.NotMeasured)}; not in the baseline: {List(gate.Comparison.NotInBaseline)}; tracked diagnostics (no bound, not compared): {gate.Comparison.Tracked.Count}; machine: {MachineProfile.Fingerprint.Describe()}, baseline's: {gate.Baseline.Fingerprint?.Describe() ?? "unknown"}"));
        if (gate.Comparison.NotComparable.Count > 0)
        {
            context.AttachTable(
                "timings not compared: " + gate.Comparison.NotComparable[0].Why,
                ["Metric", "This run", "Baseline", "Unit"],
                gate.Comparison.NotComparable.Select(t => (IReadOnlyList<string>)[t.Name, t.Obtained.ToString("G4", CultureInfo.InvariantCulture), t.Expected.ToString("G4", CultureInfo.InvariantCulture), t.Unit]).ToList());
        }
    }

    [When("a run obtains")]
    public void WhenARunObtains(DataTable table) =>
        gate.Comparison = BaselineComparison.Compare(gate.Baseline, RowsOf(table).Select(r => new RecordedMetric(r["metric"], Number(r["value"]), gate.Baseline.Metrics.TryGetValue(r["metric"], out var m) ? m.Direction : MetricDirection.HigherIsBetter)));

    [Then("no metric is worse than its tolerance allows")]
    public void ThenNoMetricRegressed()
    {
        if (!gate.Comparison.Passed)
        {
            context.AttachTable("offending metrics", RegressionTable.Headers, RegressionTable.Rows(gate.Comparison));
            var counts = new[] { (gate.Comparison.Regressions.Count, "metric(s) regressed beyond tolerance"), (gate.Comparison.Disappeared.Count, "metric(s) disappeared") }
                .Where(c => c.Item1 > 0).Select(c => $"{c.Item1} {c.Item2}");
            throw new InvalidOperationException($"{string.Join(", ", counts)}:{Environment.NewLine}{RegressionTable.Describe(gate.Comparison)}");
        }
    }

    [Then("the offending metrics are")]
    public void ThenTheOffendingMetricsAre(DataTable table)
    {
        var offending = RegressionTable.Rows(gate.Comparison);
        context.AttachTable("offending metrics", RegressionTable.Headers, offending);
        var expected = RowsOf(table).Select(r => string.Join(" | ", r["metric"], r["obtained"], r["expected"], r["difference"])).ToList();
        var actual = offending.Select(r => string.Join(" | ", r[0], r[1], r[2], r[3])).ToList();
        if (!expected.SequenceEqual(actual))
        {
            throw new InvalidOperationException($"expected the offending metrics{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", expected)}{Environment.NewLine}but got{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", actual.DefaultIfEmpty("(none)"))}");
        }
    }

    [Then("the metrics not measured are {string}")]
    public void ThenNotMeasured(string names)
    {
        var actual = string.Join(", ", gate.Comparison.NotMeasured);
        if (actual != names)
        {
            throw new InvalidOperationException($"expected the metrics not measured to be '{names}' but got '{actual}'");
        }
    }

    static IEnumerable<IReadOnlyDictionary<string, string>> RowsOf(DataTable table) =>
        table.Rows.Select(r => (IReadOnlyDictionary<string, string>)r.Keys.ToDictionary(k => k, k => r[k]));

    static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    static double? Optional(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var text) && text.Length > 0 ? Number(text) : null;

    static MetricDirection Direction(string text) => text switch
    {
        "higher" => MetricDirection.HigherIsBetter,
        "lower" => MetricDirection.LowerIsBetter,
        _ => throw new FormatException($"'{text}' is not a direction; expected \"higher\" or \"lower\"."),
    };

    static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
