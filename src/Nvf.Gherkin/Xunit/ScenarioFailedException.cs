namespace Nvf.Gherkin.Xunit;

/// <summary>How a scenario that did not pass reaches xunit: the message lists each problem with file:line.</summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Each problem with its step line and text.</param>
    public ScenarioFailedException(string message)
        : base(message)
    {
    }
}
