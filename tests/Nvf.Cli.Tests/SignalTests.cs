using System.Diagnostics;
using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// Ctrl-C while `nvf watch` waits for a training's next file: one signal stops it at its next safe point, two signals stop
/// it at once; either way exit code 130 and no stack trace (System.CommandLine's own handler threw on a second signal).
/// The child gets SIGINT at its default disposition whatever the test run inherited (<see cref="NvfProcess.RunWithCtrlC"/>):
/// started from a background job, both cases had hung until their 120 s limit.
/// </summary>
public sealed class SignalTests : IDisposable
{
    readonly TempRepository repository = new();

    public SignalTests()
    {
        DebianPython.Run(repository.Root, EvaluateCommandTests.Artifacts);
        Directory.CreateDirectory(repository.PathOf("run"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Ctrl_c_stops_watch_with_exit_code_130_and_no_stack_trace(int signals)
    {
        var (exitCode, output, error) = NvfProcess.RunWithCtrlC(ctrlCIgnored: false, process => Interrupt(process, signals), new Dictionary<string, string?> { ["NO_COLOR"] = "1" },
            repository.Root, "watch", "run", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy", "--interval", "0.5");

        exitCode.Should().Be(130, output + error);
        (output + error).Should().NotContain("Unhandled exception").And.NotMatchRegex(@"\n\s+at \S+\(");
        if (signals == 1)
            error.Should().Contain("nvf: stopping at the next safe point (a second Ctrl-C stops at once)");
    }

    [Fact]
    public void Watch_started_with_ctrl_c_ignored_says_how_to_stop_it_and_stops_on_sigterm()
    {
        // As a background job of a script starts it: SIGINT ignored, which nvf inherits and .NET keeps.
        var (exitCode, output, error) = NvfProcess.RunWithCtrlC(
            ctrlCIgnored: true,
            process =>
            {
                process.WaitForOutput(WatchIsWaiting, TimeSpan.FromSeconds(60));
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])!;
                kill.WaitForExit();
            },
            new Dictionary<string, string?> { ["NO_COLOR"] = "1" },
            repository.Root, "watch", "run", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy", "--interval", "0.5");

        output.Should().Contain($"until SIGTERM (kill ").And.Contain("Ctrl-C is ignored in this process", "a Ctrl-C that cannot arrive must not be offered");
        exitCode.Should().BeOneOf([130, 143], output + error);
        (output + error).Should().NotContain("Unhandled exception");
    }

    // The line watch prints once its signal handlers are in place and it waits: a signal sent before it could reach a
    // process still starting (on a loaded CI host that took over the 6 s these tests used to sleep).
    const string WatchIsWaiting = "nvf watch: waiting for";

    // Waits until watch is waiting, then sends SIGINT the given number of times.
    static void Interrupt(RunningChild process, int signals)
    {
        process.WaitForOutput(WatchIsWaiting, TimeSpan.FromSeconds(60));
        for (var i = 0; i < signals; i++)
        {
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString()])!;
            kill.WaitForExit();
            Thread.Sleep(100);
        }
    }

    public void Dispose() => repository.Dispose();
}
