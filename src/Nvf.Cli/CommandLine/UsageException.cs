namespace Nvf.Cli.CommandLine;

/// <summary>An error the user caused (bad flag value, missing file, unreadable config): one line, exit code 2.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line: what was wrong and what was expected.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public UsageException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
