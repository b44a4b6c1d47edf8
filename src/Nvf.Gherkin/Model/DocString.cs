namespace Nvf.Gherkin.Model;

/// <summary>A step's DocString argument (the text between two """ or ``` lines).</summary>
/// <param name="Content">The text, indentation removed as Gherkin defines it.</param>
/// <param name="ContentType">The media type written after the opening separator, or "" when none.</param>
/// <param name="Line">1-based line of the opening separator.</param>
public sealed record DocString(string Content, string ContentType, int Line)
{
    /// <inheritdoc/>
    public override string ToString() => Content;
}
