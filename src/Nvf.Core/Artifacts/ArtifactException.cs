namespace Nvf.Core.Artifacts;

/// <summary>A problem with a researcher's artifact files; the message names the file and the field or array at fault.</summary>
public sealed class ArtifactException : Exception
{
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
