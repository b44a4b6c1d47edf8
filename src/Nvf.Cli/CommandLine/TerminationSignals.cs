using System.Runtime.InteropServices;

namespace Nvf.Cli.CommandLine;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM for one command. When the command can stop gracefully (it takes a cancellation token),
/// the first signal cancels <see cref="Token"/> and says so on stderr; a second signal, or any signal to a command that
/// cannot stop gracefully, lets the runtime end the process (exit 130 or 143), as an unhandled signal does.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    // Linux's number for SIGINT, what Ctrl-C sends.
    private const int SigInt = 2;

    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration[] registrations;
    private readonly bool graceful;
    private int signals;

    /// <summary>Registers for SIGINT and SIGTERM; <paramref name="graceful"/> when the command observes <see cref="Token"/>.</summary>
    public TerminationSignals(bool graceful)
    {
        this.graceful = graceful;
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, On), PosixSignalRegistration.Create(PosixSignal.SIGTERM, On)];
    }

    /// <summary>Cancelled by the first signal to a command that stops gracefully.</summary>
    public CancellationToken Token => stop.Token;

    /// <summary>
    /// True when SIGINT is ignored in this process, so Ctrl-C cannot reach it: the ignore is inherited from whoever started
    /// it (a background job of a non-interactive shell, nohup) and .NET keeps it. Linux only (/proc/self/status); false elsewhere.
    /// </summary>
    public static bool CtrlCIgnored => Core.Provenance.ProcessStatus.Ignores(SigInt);

    /// <summary>True once a signal asked the command to stop.</summary>
    public bool Requested => stop.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
        stop.Dispose();
    }

    private void On(PosixSignalContext context)
    {
        if (!graceful || Interlocked.Increment(ref signals) > 1)
            return; // the runtime's default: the process ends
        context.Cancel = true;
        Console.Error.WriteLine("nvf: stopping at the next safe point (a second Ctrl-C stops at once)");
        stop.Cancel();
    }
}

