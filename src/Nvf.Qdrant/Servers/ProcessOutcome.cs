namespace Nvf.Qdrant.Servers;

/// <summary>How a short command ended.</summary>
/// <param name="ExitCode">Exit code; -1 when it timed out and was killed.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
/// <param name="TimedOut">True when the command ran past its timeout and was killed.</param>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    /// <summary>The first non-empty line of stderr, else of stdout, else "(no output)": enough to say why a command failed.</summary>
    public string FirstLine()
    {
        foreach (string text in new[] { StandardError, StandardOutput })
        {
            string? line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            if (line is not null)
                return line;
        }
        return "(no output)";
    }
}
