using Nvf.Core.History;

namespace Nvf.Cli.CommandLine;

/// <summary>The workspace `nvf` works in: the checkout above the current directory (the nearest folder holding a *.sln, or $NVF_REPOSITORY_ROOT), else the current directory itself (an installed tool run from any folder keeps its runs and artifacts there).</summary>
public static class Repository
{
    /// <summary>The workspace root: artifacts/ (runs, reports, caches) and fixtures/baselines/ live under it.</summary>
    public static string Root =>
        RepositoryLayout.FindRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();

    /// <summary>An existing file named by the user, resolved against the current directory; a <see cref="UsageException"/> naming the option when missing.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="option">The option or argument that named it, e.g. "--config".</param>
    public static string ExistingFile(string path, string option)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full : throw new UsageException($"{option} {path}: no such file ({full}).");
    }
}
