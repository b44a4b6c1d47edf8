namespace Nvf.Gherkin.Running;

/// <summary>
/// Thrown by a step whose check found the data wanting: the message is a sentence about the data (what was
/// measured, what was expected, which rows), and every report shows it as written, without a type name or a
/// stack trace.
/// </summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="finding">The sentence a reader sees (non-empty).</param>
    public CheckFailedException(string finding)
        : base(string.IsNullOrWhiteSpace(finding)
            ? throw new ArgumentException("A failed check needs a sentence saying what was found; got an empty one.", nameof(finding))
            : finding)
    {
    }

    /// <summary>Fails the step with <paramref name="finding"/> unless <paramref name="holds"/>.</summary>
    /// <param name="holds">Whether the check passed.</param>
    /// <param name="finding">What was found when it did not, as a sentence about the data.</param>
    public static void Unless(bool holds, string finding)
    {
        if (!holds)
        {
            throw new CheckFailedException(finding);
        }
    }
}
