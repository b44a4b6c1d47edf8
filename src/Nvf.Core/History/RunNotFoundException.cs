namespace Nvf.Core.History;

/// <summary>A run named by the user is not in the history (or the history is empty); the message says what exists.</summary>
public sealed class RunNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was asked for and what the history holds.</param>
    public RunNotFoundException(string message)
        : base(message)
    {
    }
}
