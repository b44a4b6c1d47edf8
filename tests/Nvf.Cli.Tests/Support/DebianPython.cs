using System.Diagnostics;

namespace Nvf.Cli.Tests.Support;

/// <summary>
/// Runs a script under Debian's /usr/bin/python3 (python3-numpy, python3-faiss; the pyenv python3 on PATH has
/// neither), in a working folder: the researcher's side of the interop tests. Fails, not skips, when it is missing:
/// scripts/setup.sh installs it.
/// </summary>
internal static class DebianPython
{
    private const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> in <paramref name="folder"/>; returns stdout, throws with stderr on failure.</summary>
    internal static string Run(string folder, string script)
    {
        if (!File.Exists(Interpreter))
            throw new InvalidOperationException($"{Interpreter} is missing: run scripts/setup.sh (python3-numpy, python3-faiss)");
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"python failed ({process.ExitCode}): {stderr}");
        return stdout.Result;
    }
}
