using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Nvf.Qdrant.Servers;
using Xunit;

namespace Nvf.Qdrant.Tests;

public sealed class SystemHostProbeTests
{
    private readonly SystemQdrantHostProbe _host = new();

    [Fact]
    public void Executables_are_found_on_path_and_missing_ones_are_null()
    {
        _host.FindExecutable("sh").Should().NotBeNull().And.EndWith("/sh");
        _host.FindExecutable("no-such-program-nvf-7").Should().BeNull();
    }

    [Fact]
    public async Task Commands_report_exit_code_and_output()
    {
        var outcome = await _host.RunAsync("sh", ["-c", "echo out; echo oops >&2; exit 3"], TimeSpan.FromSeconds(10), CancellationToken.None);
        outcome.Should().Be(new ProcessOutcome(3, "out\n", "oops\n", false));
        outcome.FirstLine().Should().Be("oops");
    }

    [Fact]
    public async Task A_command_past_its_timeout_is_killed_and_says_so()
    {
        var outcome = await _host.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(200), CancellationToken.None);
        outcome.TimedOut.Should().BeTrue();
        outcome.ExitCode.Should().Be(-1);
    }

    [Fact]
    public async Task A_started_process_keeps_its_last_output_and_is_killed_on_dispose()
    {
        string dir = _host.CreateTemporaryDirectory();
        var process = _host.Start("sh", ["-c", "echo \"port $PORT_UNDER_TEST in $(pwd)\"; sleep 30"], new Dictionary<string, string> { ["PORT_UNDER_TEST"] = "1234" }, dir);
        for (int i = 0; i < 100 && process.RecentOutput == "(no output)"; i++)
            await Task.Delay(20);
        process.RecentOutput.Should().Be($"port 1234 in {dir}");
        process.HasExited.Should().BeFalse();
        int pid = process.Id;

        await process.DisposeAsync();

        // Disposal waited for the exit and reaped the child, so the kernel no longer lists it.
        Directory.Exists($"/proc/{pid}").Should().BeFalse();
        _host.DeleteDirectory(dir);
        Directory.Exists(dir).Should().BeFalse();
    }

    [Fact]
    public void A_free_loopback_port_can_be_bound()
    {
        int port = _host.FindFreeLoopbackPort();
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
        port.Should().BeInRange(1, 65535);
    }

    [Fact]
    public async Task The_monotonic_clock_moves_forward_with_delays()
    {
        var before = _host.MonotonicNow;
        await _host.DelayAsync(TimeSpan.FromMilliseconds(30), CancellationToken.None);
        (_host.MonotonicNow - before).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(25));
    }
}
