namespace Nvf.Gherkin.Bindings;

/// <summary>Thrown by a step that is declared but not written yet: the scenario fails as "pending", never passes.</summary>
public sealed class PendingStepException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public PendingStepException()
        : base("step is pending: its definition exists but is not implemented yet")
    {
    }

    /// <summary>Creates the exception with a message saying what is missing.</summary>
    /// <param name="message">What remains to be done.</param>
    public PendingStepException(string message)
        : base(message)
    {
    }
}
