using System.Diagnostics;

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
    /// output. <paramref name="started"/> gets the running process (e.g. to signal it) while its output is being read.
    /// </summary>
    internal static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> arguments, string folder,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? limit = null, Action<Process>? started = null)
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
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        started?.Invoke(process);
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
