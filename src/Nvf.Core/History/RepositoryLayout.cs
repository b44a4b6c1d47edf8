using Nvf.Files;

namespace Nvf.Core.History;

/// <summary>
/// Where a gate run keeps its files: the repository root (the nearest folder holding a *.sln, or
/// $NVF_REPOSITORY_ROOT when set, so the CLI and the steps it runs agree), its history (artifacts/runs)
/// and its accepted baselines (fixtures/baselines).
/// </summary>
public static class RepositoryLayout
{
    /// <summary>Environment variable that names the repository root explicitly (<see cref="RepositoryRoot.Variable"/>).</summary>
    public const string RootVariable = RepositoryRoot.Variable;

    /// <summary>The repository root: $NVF_REPOSITORY_ROOT, else the nearest folder at or above <paramref name="start"/> holding a *.sln file, else null.</summary>
    /// <param name="start">Where to start looking.</param>
    public static string? FindRoot(string start) => RepositoryRoot.Find(start);

    /// <summary>artifacts/runs under <paramref name="root"/>.</summary>
    /// <param name="root">The repository root.</param>
    public static string HistoryDirectory(string root) => Path.Combine(root, "artifacts", "runs");

    /// <summary>fixtures/baselines under <paramref name="root"/>.</summary>
    /// <param name="root">The repository root.</param>
    public static string BaselinesDirectory(string root) => Path.Combine(root, "fixtures", "baselines");
}
