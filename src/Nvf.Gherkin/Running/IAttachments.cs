namespace Nvf.Gherkin.Running;

/// <summary>
/// Lets a step (or hook) attach evidence to the step that is running; every report shows it inline.
/// Inject <see cref="ScenarioEvidence"/> (which implements this) through the step class's constructor.
/// </summary>
public interface IAttachments
{
    /// <summary>Attaches a table, e.g. the seeds' "Check | Result | Status" tables.</summary>
    /// <param name="title">A caption.</param>
    /// <param name="headers">Column names.</param>
    /// <param name="rows">Rows of cells, each as wide as <paramref name="headers"/>.</param>
    void AttachTable(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);

    /// <summary>Attaches an SVG document (a plot), shown inline in the HTML report.</summary>
    /// <param name="title">A caption.</param>
    /// <param name="svg">A complete &lt;svg&gt; element.</param>
    void AttachSvg(string title, string svg);

    /// <summary>Attaches plain text.</summary>
    /// <param name="title">A caption.</param>
    /// <param name="text">The text.</param>
    void AttachText(string title, string text);

    /// <summary>Attaches a JSON document (validated as JSON).</summary>
    /// <param name="title">A caption.</param>
    /// <param name="json">The JSON text.</param>
    void AttachJson(string title, string json);
}
