namespace Nvf.Core.Teacher;

/// <summary>
/// A query-log file cannot be read: missing, truncated, not a query log, a version this code does
/// not know, or a field whose shape, type or content is wrong. The message names the file and the
/// field (a header field, or one of the arrays "queries", "ids", "scores").
/// </summary>
public sealed class QueryLogFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/> and <paramref name="field"/>; the message says what was found and what was expected.</summary>
    public QueryLogFormatException(string path, string field, string problem, Exception? inner = null)
        : base($"{path}: query log field '{field}' {problem}", inner)
    {
        Path = path;
        Field = field;
    }

    /// <summary>The log file, as the caller named it.</summary>
    public string Path { get; }

    /// <summary>The field at fault: a header field, an array name, or "archive" when the zip itself is unreadable.</summary>
    public string Field { get; }
}
