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
        var (exitCode, output, error) = NvfProcess.RunWithCtrlC(ctrlCIgnored: false, NvfProcess.WhenWatchWaits(process => Signal(process, "-INT", signals)), NvfProcess.NoColor,
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
            NvfProcess.WhenWatchWaits(process => Signal(process, "-TERM", 1)),
            NvfProcess.NoColor,
            repository.Root, "watch", "run", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy", "--interval", "0.5");

        output.Should().Contain($"until SIGTERM (kill ").And.Contain("Ctrl-C is ignored in this process", "a Ctrl-C that cannot arrive must not be offered");
        exitCode.Should().BeOneOf([130, 143], output + error);
        (output + error).Should().NotContain("Unhandled exception");
    }

    // Sends the signal (kill's option, e.g. -INT) the given number of times.
    static void Signal(RunningChild process, string signal, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var kill = Process.Start("kill", [signal, process.Id.ToString()])!;
            kill.WaitForExit();
            Thread.Sleep(100);
        }
    }

    public void Dispose() => repository.Dispose();
}
