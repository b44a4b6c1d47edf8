namespace Nvf.Gherkin.Running;

/// <summary>How a run behaves and where its reports go.</summary>
public sealed class RunOptions
{
    /// <summary>Environment variable that turns on the dry run ("1" or "true"): every step is matched, nothing runs.</summary>
    public const string DryRunVariable = "NVF_GHERKIN_DRY_RUN";

    /// <summary>Environment variable naming the report folder (default: artifacts/reports under the repository root).</summary>
    public const string ReportDirectoryVariable = "NVF_REPORT_DIR";

    /// <summary>True to check bindings without running hooks or steps.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where the reports are written; null writes none.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>File name stem of the reports: &lt;name&gt;.cucumber.json, .html, .md, .ndjson (Cucumber Messages), .cucumber.html (Cucumber's report).</summary>
    public string ReportName { get; init; } = "acceptance";

    /// <summary>Called, on the running thread, as scenarios and steps start and end and as steps report progress; null for none.</summary>
    public Action<RunProgress>? Progress { get; init; }

    /// <summary>Objects handed to every scenario's container as they are (not created, not disposed by the runner).</summary>
    public IReadOnlyList<object> SharedInstances { get; init; } = [];

    /// <summary>
    /// Options from the environment: <see cref="DryRunVariable"/>, and <see cref="ReportDirectoryVariable"/> or else
    /// artifacts/reports under the nearest folder above <paramref name="startDirectory"/> holding a *.sln file.
    /// </summary>
    /// <param name="reportName">The report file name stem.</param>
    /// <param name="startDirectory">Where to start looking for the repository root (usually the test assembly's folder).</param>
    public static RunOptions FromEnvironment(string reportName, string startDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportName);
        var dry = Environment.GetEnvironmentVariable(DryRunVariable);
        var directory = Environment.GetEnvironmentVariable(ReportDirectoryVariable);
        return new RunOptions
        {
            DryRun = dry is "1" || string.Equals(dry, "true", StringComparison.OrdinalIgnoreCase),
            ReportDirectory = string.IsNullOrWhiteSpace(directory)
                ? Path.Combine(RepositoryRoot(startDirectory), "artifacts", "reports")
                : Path.GetFullPath(directory),
            ReportName = reportName,
        };
    }

    /// <summary>The repository root (<see cref="Files.RepositoryRoot.Find"/>: $NVF_REPOSITORY_ROOT, else the nearest folder at or above <paramref name="start"/> holding a *.sln file), else <paramref name="start"/>.</summary>
    /// <param name="start">The folder to start from.</param>
    public static string RepositoryRoot(string start) => Files.RepositoryRoot.Find(start) ?? Path.GetFullPath(start);
}
