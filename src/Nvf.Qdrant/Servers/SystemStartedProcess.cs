using System.Diagnostics;

namespace Nvf.Qdrant.Servers;

/// <summary>A child process whose last output lines are kept for error messages.</summary>
internal sealed class SystemStartedProcess : IStartedProcess
{
    // A startup failure explains itself in its last few lines; more would flood a skip reason.
    private const int KeptLines = 10;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    public SystemStartedProcess(ProcessStartInfo info)
    {
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public string RecentOutput
    {
        get
        {
            lock (_lines)
                return _lines.Count == 0 ? "(no output)" : string.Join(" | ", _lines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The kill was sent; a process that ignores SIGKILL for 10 s is beyond our reach.
            }
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        lock (_lines)
        {
            _lines.Enqueue(line.Trim());
            while (_lines.Count > KeptLines)
                _lines.Dequeue();
        }
    }
}
