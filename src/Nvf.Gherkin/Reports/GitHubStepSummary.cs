namespace Nvf.Gherkin.Reports;

/// <summary>
/// GitHub Actions shows a job's summary from the Markdown appended to the file $GITHUB_STEP_SUMMARY names: a run there
/// appends its Markdown summary, so the verdict is on the job's page without opening an artifact.
/// </summary>
public static class GitHubStepSummary
{
    /// <summary>The variable GitHub Actions sets.</summary>
    public const string Variable = "GITHUB_STEP_SUMMARY";

    /// <summary>Appends <paramref name="markdown"/> to the file $GITHUB_STEP_SUMMARY names; returns that file, or null when the variable is unset.</summary>
    /// <param name="markdown">The summary.</param>
    /// <param name="variable">Reads a variable (the process environment by default).</param>
    public static string? Append(string markdown, Func<string, string?>? variable = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var path = (variable ?? Environment.GetEnvironmentVariable)(Variable);
        if (string.IsNullOrWhiteSpace(path))
            return null;
        File.AppendAllText(path, markdown.TrimEnd() + Environment.NewLine + Environment.NewLine);
        return path;
    }
}
