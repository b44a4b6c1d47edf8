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
    public static IReadOnlyList<string> WriteAll(RunReport report, string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var files = new (string Path, string Text)[]
        {
            (Path.Combine(directory, name + ".cucumber.json"), CucumberJsonWriter.Write(report)),
            (Path.Combine(directory, name + ".html"), HtmlReportWriter.Write(report, name)),
            (Path.Combine(directory, name + ".md"), MarkdownSummaryWriter.Write(report, name)),
        };
        foreach (var (path, text) in files)
        {
            AtomicFile.WriteAllText(path, text);
        }

        return files.Select(f => Path.GetFullPath(f.Path)).ToList();
    }
}
