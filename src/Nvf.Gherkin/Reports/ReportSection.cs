namespace Nvf.Gherkin.Reports;

/// <summary>
/// An extra section a tool adds to the reports of a run (e.g. trend plots across earlier runs): the HTML
/// report shows <see cref="Html"/> under the verdict table, the Markdown summary appends <see cref="Markdown"/>.
/// </summary>
/// <param name="Title">The section's heading.</param>
/// <param name="Html">An HTML fragment, self-contained (inline SVG, no external assets, no script).</param>
/// <param name="Markdown">The same content as Markdown.</param>
public sealed record ReportSection(string Title, string Html, string Markdown)
{
    /// <summary>One or two sentences shown under the heading: what the section shows and how to read it ("" for none).</summary>
    public string Explanation { get; init; } = "";

    /// <summary>True for the section that opens the reports (the answers): the HTML report shows it right under the run's heading, the Markdown summary right under its first line.</summary>
    public bool Lead { get; init; }
}
