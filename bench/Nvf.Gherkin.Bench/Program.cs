using System.Diagnostics;
using System.Text;
using Nvf.Gherkin.Bench;
using Nvf.Gherkin.Engine;
using Reqnroll;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Running;

// Overhead of the runner (Gherkin 43 parsing, Reqnroll 3.3.4 binding and execution), printed as figures
// (targets: discovering and binding 200 scenarios under 1 s; a bound step under 1 ms). Not a pass/fail test:
// the machine decides the numbers.
const int Features = 20, ScenariosPerFeature = 10, StepRuns = 20_000;
var folder = Directory.CreateTempSubdirectory("nvf-gherkin-bench-").FullName;
try
{
    WriteFeatures(folder);
    // Wall time and this process's CPU time: on a shared machine the wall figure includes waiting for a core.
    var cold = Measure(() => DiscoverAndBind(folder));
    var warm = Enumerable.Range(0, 9).Select(_ => Measure(() => DiscoverAndBind(folder))).OrderBy(m => m.Wall).ToList();
    Console.WriteLine($"discover + bind {Features * ScenariosPerFeature} scenarios ({Features} files, 5 steps each, 45 bindings), target < 1000 ms:");
    Console.WriteLine($"  first run (parse, compile, JIT) {cold.Wall.TotalMilliseconds,8:0.0} ms wall {cold.Cpu.TotalMilliseconds,8:0.0} ms cpu");
    Console.WriteLine($"  warm, median of 9              {warm[4].Wall.TotalMilliseconds,8:0.0} ms wall {warm[4].Cpu.TotalMilliseconds,8:0.0} ms cpu");

    var repeats = StepRuns / 5;
    var perStep = Measure(() => RunBoundSteps(folder, repeats));
    Console.WriteLine($"bound step (match + convert + invoke + hooks + result) over {StepRuns:N0} steps through GherkinRun, target < 1000 µs:");
    Console.WriteLine($"  {perStep.Wall.TotalMicroseconds / StepRuns,8:0.0} µs wall {perStep.Cpu.TotalMicroseconds / StepRuns,8:0.0} µs cpu per step");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static (TimeSpan Wall, TimeSpan Cpu) Measure(Action action)
{
    using var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    action();
    clock.Stop();
    process.Refresh();
    return (clock.Elapsed, process.TotalProcessorTime - cpu);
}

static void DiscoverAndBind(string folder)
{
    // Reqnroll's dry run builds the bindings and matches every step (arguments converted) without invoking any.
    var catalog = FeatureCatalog.Load(folder);
    var report = new GherkinRun(BindingSource.FromTypes(typeof(BenchSteps)), new RunOptions { DryRun = true })
        .RunAllAsync(catalog.Features).GetAwaiter().GetResult();
    var unbound = report.Results.SelectMany(s => s.Steps).Count(step => step.MatchLocation is null);
    if (report.Results.Count != Features * ScenariosPerFeature || unbound != 0)
    {
        throw new InvalidOperationException($"bench features did not compile or bind: {unbound} steps unbound, e.g. {report.Results[0].Steps[0].Status}: {report.Results[0].Steps[0].Error} {report.RunHooks.FirstOrDefault()?.Error}");
    }
}

// Runs one five-step scenario repeatedly through a warmed run (the first 100 runs pay for JIT).
static void RunBoundSteps(string folder, int repeats)
{
    var scenario = FeatureCatalog.Load(folder).Features[0].Scenarios[0];
    var run = new GherkinRun(BindingSource.FromTypes(typeof(BenchSteps)), new RunOptions());
    run.StartAsync().GetAwaiter().GetResult();
    for (var i = 0; i < repeats + 100; i++)
    {
        var result = run.RunScenarioAsync(scenario).GetAwaiter().GetResult();
        if (result.Status != StepStatus.Passed)
        {
            throw new InvalidOperationException($"bench scenario did not pass: {result.FailureMessage}");
        }
    }
}

static void WriteFeatures(string folder)
{
    for (var f = 0; f < Features; f++)
    {
        var text = new StringBuilder($"@bench\nFeature: Bench feature {f}\n");
        for (var s = 0; s < ScenariosPerFeature; s++)
        {
            text.Append($"""

                  @gate
                  Scenario: Scenario {s} of feature {f}
                    Given a corpus of {1000 + s} vectors in 128 dimensions
                    When the index is searched with nprobe {s + 1}
                    Then Top-1 is at least 68%
                    And the report names "feature {f}"
                    And the metrics are:
                      | metric | value |
                      | top1   | 0.68  |

                """);
        }

        File.WriteAllText(Path.Combine(folder, $"bench_{f:D2}.feature"), text.ToString());
    }
}
