namespace Nvf.Gherkin.Running;

/// <summary>What an attachment holds, which decides how each report shows it.</summary>
public enum AttachmentKind
{
    /// <summary>A table (headers and rows), e.g. a "Check | Result | Status" table.</summary>
    Table,

    /// <summary>An SVG document (a plot), shown inline.</summary>
    Svg,

    /// <summary>Plain text, shown preformatted.</summary>
    Text,

    /// <summary>A JSON document, shown preformatted.</summary>
    Json,
}
