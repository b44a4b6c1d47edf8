using System.Diagnostics;
using System.Text;

namespace Nvf.Cli.Tests.Support;

/// <summary>
/// The one way these tests start a program: stdout and stderr read concurrently (a full pipe never blocks the child),
/// the environment adjusted (a null value removes a variable), and a time limit that holds: a child still running at
/// the limit is killed with its whole tree and the test fails naming the command.
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="folder"/>; returns its exit code and
    /// output. <paramref name="started"/> gets the running child (e.g. to wait for a line of its output, then signal it)
    /// while its output is being read.
    /// </summary>
    internal static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> arguments, string folder,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? limit = null, Action<RunningChild>? started = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var child = new RunningChild(process);
        var output = child.ReadOutputAsync();
        var error = process.StandardError.ReadToEndAsync();
        started?.Invoke(child);
        var within = limit ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(within))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {within.TotalSeconds:F0} s");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A started child whose stdout is being collected: its process id, and a wait for a line it prints.</summary>
public sealed class RunningChild(Process process)
{
    readonly StringBuilder output = new();
    readonly object gate = new();

    public int Id => process.Id;

    /// <summary>
    /// Waits until the child's stdout contains <paramref name="text"/> (e.g. the line it prints once its signal handlers
    /// are in place); throws naming the text and what was printed if the child exits or <paramref name="limit"/> passes first.
    /// </summary>
    public void WaitForOutput(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        lock (gate)
        {
            while (!output.ToString().Contains(text, StringComparison.Ordinal))
            {
                var left = limit - clock.Elapsed;
                if (left <= TimeSpan.Zero || process.HasExited)
                    throw new TimeoutException($"the child did not print \"{text}\" within {limit.TotalSeconds:F0} s{(process.HasExited ? " (it exited)" : "")}; it printed: {output}");
                Monitor.Wait(gate, TimeSpan.FromMilliseconds(Math.Min(200, left.TotalMilliseconds)));
            }
        }
    }

    internal async Task<string> ReadOutputAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (gate)
            {
                output.Append(buffer, 0, read);
                Monitor.PulseAll(gate);
            }
        }

        lock (gate)
            return output.ToString();
    }
}
