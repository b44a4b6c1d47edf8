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
        var (exitCode, output, error) = ChildProcess.Run(Interpreter, ["-c", script], folder, limit: TimeSpan.FromMinutes(10));
        if (exitCode != 0)
            throw new InvalidOperationException($"python failed ({exitCode}): {error}");
        return output;
    }
}
