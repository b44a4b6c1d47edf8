namespace Nvf.Gherkin.Model;

/// <summary>One step of a compiled scenario (Background steps come first, placeholders already substituted).</summary>
/// <param name="Keyword">The keyword as written, with its trailing space (e.g. "And ").</param>
/// <param name="Kind">The keyword kind after resolving And/But/*.</param>
/// <param name="Text">The step text after the keyword.</param>
/// <param name="Line">1-based line of the step in its file.</param>
/// <param name="Table">The table argument, if any.</param>
/// <param name="DocString">The DocString argument, if any.</param>
/// <param name="FromBackground">True when the step comes from the feature's Background.</param>
public sealed record StepInfo(
    string Keyword,
    StepKind Kind,
    string Text,
    int Line,
    DataTable? Table,
    DocString? DocString,
    bool FromBackground);
