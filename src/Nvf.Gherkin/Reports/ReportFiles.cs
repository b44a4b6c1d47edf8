using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>Writes the three reports of a run, each atomically.</summary>
public static class ReportFiles
{
    /// <summary>Writes &lt;name&gt;.cucumber.json, &lt;name&gt;.html and &lt;name&gt;.md into <paramref name="directory"/>.</summary>
    /// <param name="report">The run.</param>
    /// <param name="directory">The report folder (created when missing).</param>
    /// <param name="name">The file name stem.</param>
    /// <returns>The paths written, JSON then HTML then Markdown.</returns>
    public static IReadOnlyList<string> WriteAll(RunReport report, string directory, string name) =>
        WriteAll(report, [directory], name)[0];

    /// <summary>
    /// Renders the three reports once and writes them into each of <paramref name="directories"/> (e.g. the run's
    /// own folder and the report folder), each file atomically.
    /// </summary>
    /// <param name="report">The run.</param>
    /// <param name="directories">The report folders (created when missing).</param>
    /// <param name="name">The file name stem.</param>
    /// <returns>Per folder, in the order given, the paths written: JSON then HTML then Markdown.</returns>
    public static IReadOnlyList<IReadOnlyList<string>> WriteAll(RunReport report, IReadOnlyList<string> directories, string name)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var directory in directories)
        {
            ArgumentException.ThrowIfNullOrEmpty(directory, nameof(directories));
        }

        var rendered = new (string Suffix, string Text)[]
        {
            (".cucumber.json", CucumberJsonWriter.Write(report)),
            (".html", HtmlReportWriter.Write(report, name)),
            (".md", MarkdownSummaryWriter.Write(report, name)),
        };
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
