namespace Nvf.Core.Artifacts;

/// <summary>A problem with a researcher's artifact files; the message names the file and the field or array at fault.</summary>
public sealed class ArtifactException : Exception
{
    /// <summary>
    /// True for the exceptions that say an input file cannot be used (this one, a NumPy file's format or shape, data not
    /// what was expected): each message names the file and what was expected, so a command shows it as the user's error
    /// and a step as a failed check, never with the type name.
    /// </summary>
    /// <param name="e">The exception caught.</param>
    public static bool IsInputError(Exception e) => e is ArtifactException or Nvf.Core.Data.NumPy.NpyFormatException or InvalidDataException;

    /// <summary>Creates the exception.</summary>
    public ArtifactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ArtifactException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
