using System.Text;

namespace Nvf.Gherkin.Running;

/// <summary>Something a step attached for the reports.</summary>
public sealed class Attachment
{
    internal Attachment(AttachmentKind kind, string title, string content, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Kind = kind;
        Title = title;
        Content = content;
        Headers = headers;
        Rows = rows;
    }

    /// <summary>How the reports show it.</summary>
    public AttachmentKind Kind { get; }

    /// <summary>A short caption.</summary>
    public string Title { get; }

    /// <summary>The SVG, text or JSON; for a table, its Markdown rendering.</summary>
    public string Content { get; }

    /// <summary>Column names (tables only; empty otherwise).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Rows of cells (tables only; empty otherwise).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>The media type Cucumber JSON embeddings carry.</summary>
    public string MediaType => Kind switch
    {
        AttachmentKind.Table => "text/markdown",
        AttachmentKind.Svg => "image/svg+xml",
        AttachmentKind.Json => "application/json",
        _ => "text/plain",
    };

    internal static Attachment Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var markdown = new StringBuilder();
        markdown.Append("| ").AppendJoin(" | ", headers.Select(Cell)).AppendLine(" |");
        markdown.Append('|').AppendJoin('|', headers.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            markdown.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
        }

        return new Attachment(AttachmentKind.Table, title, markdown.ToString(), headers, rows);
    }

    internal static Attachment Document(AttachmentKind kind, string title, string content) =>
        new(kind, title, content, [], []);

    static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
