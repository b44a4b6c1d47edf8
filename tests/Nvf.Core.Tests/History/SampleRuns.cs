using Nvf.Core.History;
using Nvf.Core.Provenance;

namespace Nvf.Core.Tests.History;

/// <summary>Run records for history and baseline tests.</summary>
internal static class SampleRuns
{
    public static RunRecord Run(string id, DateTimeOffset started, params RecordedMetric[] metrics) => new()
    {
        RunId = id,
        StartedUtc = started,
        Seconds = 1.5,
        Passed = true,
        Scenarios = [new ScenarioOutcome("Feature", "Scenario", "passed", 1.2, ["gate"], null)],
        Metrics = metrics,
        Provenance = new RunProvenance
        {
            Git = new GitRevision("0123456789abcdef0123456789abcdef01234567", "main", "git files", null),
            Files = [],
            Generators = [new GeneratorInfo("unit database", 42, "n=1000 d=128")],
            Libraries = new Dictionary<string, string> { ["libtorch"] = "1.13.1" },
            ThreadCount = 2,
            Machine = MachineInfo.Current(),
            CapturedUtc = started,
        },
    };

    public static RecordedMetric Top1(double value, double? low = null, double? high = null) =>
        new("nvf.top1", value, MetricDirection.HigherIsBetter, "", low, high, "NVF › soft attention");
}
