using System.Text.RegularExpressions;

namespace Nvf.Core.Snapshots;

/// <summary>
/// Replaces what changes from run to run in a report with fixed placeholders, so a snapshot compares only
/// what matters: run ids ("{run-id}"), timestamps ("{timestamp}"), durations ("{duration}") and absolute
/// paths ("{path}"). Counts, names, statuses and metric values are kept.
/// </summary>
public static partial class SnapshotScrubber
{
    /// <summary>The scrubbed text, line endings normalised to '\n'.</summary>
    /// <param name="text">A report's text.</param>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scrubbed = text.ReplaceLineEndings("\n");
        scrubbed = RunId().Replace(scrubbed, "{run-id}");
        scrubbed = Timestamp().Replace(scrubbed, "{timestamp}");
        scrubbed = Duration().Replace(scrubbed, "{duration}");
        scrubbed = WindowsPath().Replace(scrubbed, "{path}");
        return UnixPath().Replace(scrubbed, "{path}");
    }

    // RunHistory.NewRunId: yyyyMMdd-HHmmss-xxxxxx.
    [GeneratedRegex(@"\b\d{8}-\d{6}-[0-9a-f]{6}\b")]
    private static partial Regex RunId();

    // ISO 8601 and "yyyy-MM-dd HH:mm:ss UTC", with optional seconds, fraction and zone.
    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}|\s?UTC)?")]
    private static partial Regex Timestamp();

    // A number followed by a time unit: "123 ms", "0.0 s", "35s", "2.5 min", "12 seconds".
    [GeneratedRegex(@"(?<![\w.])\d+(\.\d+)?\s?(ms|s|sec|seconds|min|minutes)\b")]
    private static partial Regex Duration();

    // C:\folder\file... up to whitespace or a Markdown/quote delimiter.
    [GeneratedRegex(@"\b[A-Za-z]:\\[^\s|""'`)<>]+")]
    private static partial Regex WindowsPath();

    // An absolute path of at least two segments (/home/x, /tmp/a/b.md); not a URL, not "1/2", not a relative "a/b".
    [GeneratedRegex(@"(?<![\w.:/~])/(?:[\w.+-]+/)+[\w.+-]*")]
    private static partial Regex UnixPath();
}
