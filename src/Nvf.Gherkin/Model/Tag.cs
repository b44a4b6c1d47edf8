namespace Nvf.Gherkin.Model;

/// <summary>A tag as written in a .feature file.</summary>
/// <param name="Name">The tag without its leading '@' (e.g. "gate").</param>
/// <param name="Line">1-based line of the tag in its file.</param>
public sealed record Tag(string Name, int Line);
