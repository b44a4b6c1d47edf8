using System.Diagnostics;

namespace Nvf.Core.Tests.Data.NumPy;

/// <summary>
/// Runs a script under Debian's /usr/bin/python3, which has python3-numpy (scripts/setup.sh installs
/// it; the pyenv python3 on PATH does not have NumPy). Fails the test with Python's stderr on error.
/// </summary>
public static class NumPyProcess
{
    private const string Python = "/usr/bin/python3";

    public static string Run(string script, params string[] args)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Python}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Python} did not finish within 120 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Python} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
