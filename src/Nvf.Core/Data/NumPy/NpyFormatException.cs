namespace Nvf.Core.Data.NumPy;

/// <summary>
/// A .npy/.npz file cannot be used as asked: malformed or truncated, a refused dtype (pickled
/// objects), a dtype or shape other than the caller expected. The message names the file and array.
/// </summary>
public sealed class NpyFormatException : IOException
{
    /// <summary>Creates the exception; <paramref name="message"/> already names file and array.</summary>
    public NpyFormatException(string source, string arrayName, string message, Exception? inner = null)
        : base(message, inner)
    {
        SourceName = source;
        ArrayName = arrayName;
    }

    /// <summary>The file (path as given by the caller) or stream description the array came from.</summary>
    public string SourceName { get; }

    /// <summary>The array's name: the .npz member name, or the .npy file name without extension.</summary>
    public string ArrayName { get; }

    internal static NpyFormatException For(string source, string arrayName, string problem, Exception? inner = null) =>
        new(source, arrayName, $"{source}: array '{arrayName}' {problem}", inner);
}
