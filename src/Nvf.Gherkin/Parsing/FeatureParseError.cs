namespace Nvf.Gherkin.Parsing;

/// <summary>Why a .feature file was refused, and where.</summary>
/// <param name="Uri">The file's path relative to the features folder.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column (0 when the error concerns a whole line).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record FeatureParseError(string Uri, int Line, int Column, string Message)
{
    /// <summary>"file:line:column: message", the form editors and CI annotations link to.</summary>
    public override string ToString() => $"{Uri}:{Line}:{Column}: {Message}";
}
