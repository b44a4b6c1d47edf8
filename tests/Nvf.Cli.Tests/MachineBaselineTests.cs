using System.Text.Json.Nodes;
using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// Timings are compared only on the machine that measured them; `nvf baseline accept --for-this-machine` gives a CI machine
/// its own timings (issue "Answers first"): before it, a shared baseline from another machine leaves timings "not compared";
/// after it, a run 10x slower on this machine is listed as a regression (the @regression feature turns that into a failure).
/// </summary>
public sealed class MachineBaselineTests : IDisposable
{
    readonly TempRepository repository = new();

    [Fact]
    public void Timings_accepted_for_this_machine_are_compared_on_it_and_only_on_it()
    {
        repository.Write("gate.json", "{ \"features\": \"features\", \"reportName\": \"acceptance\" }");
        Suite(2.0);
        Gate().ExitCode.Should().Be(0);
        NvfProcess.Run(repository.Root, "baseline", "accept").ExitCode.Should().Be(0);
        // The shared baseline was accepted on another machine (as the committed one was).
        var shared = repository.PathOf("fixtures/baselines/gate.json");
        var json = JsonNode.Parse(File.ReadAllText(shared))!;
        json["fingerprint"]!["cpu"] = "another CPU";
        File.WriteAllText(shared, json.ToJsonString());

        var before = Gate();
        before.Output.Should().Contain("Timings not compared").And.Contain("--for-this-machine");

        var accept = NvfProcess.Run(repository.Root, "baseline", "accept", "--for-this-machine");
        accept.ExitCode.Should().Be(0, accept.Output + accept.Error);
        var files = Directory.GetFiles(repository.PathOf("fixtures/baselines/machines"), "gate-*.json");
        files.Should().ContainSingle();
        File.ReadAllText(files[0]).Should().Contain("sample.epoch_cpu_seconds").And.NotContain("sample.accuracy", "only timings are accepted per machine");

        Suite(2.1);
        var same = Gate();
        same.ExitCode.Should().Be(0, same.Output);
        same.Output.Should().NotContain("Timings not compared");

        Suite(20.0);
        var slower = Gate();
        slower.Output.Should().Contain("Metrics worse than the accepted baseline", "a timing 10x the accepted one on the same machine is a regression")
            .And.MatchRegex("sample\\.epoch_cpu_seconds\\s*│\\s*20");
        same.Output.Should().NotContain("Metrics worse than the accepted baseline", "2.1 s is within the timing tolerance of 2.0 s");
    }

    void Suite(double seconds) => repository.Write("features/timed.feature", $"""
        @sample
        Feature: Timed
          Scenario: trains
            Given the sample records "sample.accuracy" = 0.5, higher is better
            And the sample takes {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds to train
        """);

    (int ExitCode, string Output, string Error) Gate() => NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "out");

    public void Dispose() => repository.Dispose();
}
