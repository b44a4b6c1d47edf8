using Nvf.Files;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>
/// Writes the reports of a run, each atomically: the project's own (Cucumber JSON, the gate's HTML, the Markdown
/// summary, JUnit XML for CI servers) and Cucumber's (Messages NDJSON and its official HTML report).
/// </summary>
public static class ReportFiles
{
    /// <summary>Writes &lt;name&gt;.cucumber.json, .html, .md, .junit.xml, .ndjson and .cucumber.html into <paramref name="directory"/>.</summary>
    /// <param name="report">The run.</param>
    /// <param name="directory">The report folder (created when missing).</param>
    /// <param name="name">The file name stem.</param>
    /// <returns>The paths written: Cucumber JSON, HTML, Markdown, JUnit XML, then (for a live run) Messages NDJSON and Cucumber's HTML.</returns>
    public static IReadOnlyList<string> WriteAll(RunReport report, string directory, string name) =>
        WriteAll(report, [directory], name)[0];

    /// <summary>Cucumber's own report files, after the project's four: Messages NDJSON, then Cucumber's HTML report.</summary>
    public static readonly IReadOnlyList<string> CucumberSuffixes = [".ndjson", ".cucumber.html"];

    /// <summary>True when every feature of <paramref name="report"/> carries its parsed document (a live run, not one read back).</summary>
    public static bool HasDocuments(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Features.All(f => f.Messages is not null);
    }

    /// <summary>
    /// Renders the three reports once and writes them into each of <paramref name="directories"/> (e.g. the run's
    /// own folder and the report folder), each file atomically.
    /// </summary>
    /// <param name="report">The run.</param>
    /// <param name="directories">The report folders (created when missing).</param>
    /// <param name="name">The file name stem.</param>
    /// <returns>Per folder, in the order given, the paths written: Cucumber JSON, HTML, Markdown, JUnit XML, then (for a live run) Messages NDJSON and Cucumber's HTML.</returns>
    public static IReadOnlyList<IReadOnlyList<string>> WriteAll(RunReport report, IReadOnlyList<string> directories, string name)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var directory in directories)
        {
            ArgumentException.ThrowIfNullOrEmpty(directory, nameof(directories));
        }

        var rendered = new List<(string Suffix, string Text)>
        {
            (".cucumber.json", CucumberJsonWriter.Write(report)),
            (".html", HtmlReportWriter.Write(report, name)),
            (".md", MarkdownSummaryWriter.Write(report, name)),
            (".junit.xml", JUnitXmlWriter.Write(report, name)),
        };

        // Cucumber's formats need the parsed documents: a report read back from a run record has none, and its
        // messages were written when it ran (they are copied, never rewritten empty).
        if (HasDocuments(report))
        {
            var envelopes = CucumberMessagesWriter.Envelopes(report);
            rendered.Add((".ndjson", CucumberMessagesWriter.ToNdjson(envelopes)));
            rendered.Add((".cucumber.html", CucumberMessagesWriter.ToHtml(envelopes, name)));
        }
        var written = new List<IReadOnlyList<string>>();
        foreach (var directory in directories)
        {
            var paths = new List<string>();
            foreach (var (suffix, text) in rendered)
            {
                var path = Path.Combine(directory, name + suffix);
                AtomicFile.WriteAllText(path, text);
                paths.Add(Path.GetFullPath(path));
            }

            written.Add(paths);
        }

        return written;
    }
}
