using Nvf.Core.Artifacts;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// Reading a researcher's files in a step: a file the gate cannot use (wrong shape, dtype or length, a missing array)
/// fails the step with the reader's sentence, which names the file, the array and what was expected, and never with an
/// internal exception's type name and stack trace (a payload key map 3 rows short showed
/// "Nvf.Core.Data.NumPy.NpyFormatException: ..." in ten scenarios).
/// </summary>
public static class ResearcherFiles
{
    /// <summary>Runs <paramref name="read"/>; an unusable input file becomes a failed check saying why.</summary>
    public static T Read<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read();
        }
        catch (Exception e) when (ArtifactException.IsInputError(e))
        {
            throw new CheckFailedException($"the input files cannot be used: {e.Message}");
        }
    }
}
