using System.Diagnostics;

namespace Nvf.Faiss.Tests;

/// <summary>
/// Runs a script under Debian's /usr/bin/python3, the one with python3-faiss and python3-numpy
/// (the pyenv python3 on PATH has neither). Interop tests fail, not skip, when it is missing:
/// scripts/setup.sh installs it.
/// </summary>
internal static class DebianPython
{
    private const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/>; returns stdout, throws with stderr on failure.</summary>
    internal static string Run(string script, params string[] args)
    {
        if (!File.Exists(Interpreter))
            throw new InvalidOperationException($"{Interpreter} is missing: run scripts/setup.sh (python3-faiss, python3-numpy)");
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"python failed ({process.ExitCode}): {stderr}");
        return stdout.Result;
    }
}
