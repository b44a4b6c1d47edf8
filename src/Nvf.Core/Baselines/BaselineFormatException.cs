namespace Nvf.Core.Baselines;

/// <summary>A baseline file is missing, unreadable or malformed; the message names the file and the problem.</summary>
public sealed class BaselineFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The file, what was wrong and what was expected.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public BaselineFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
