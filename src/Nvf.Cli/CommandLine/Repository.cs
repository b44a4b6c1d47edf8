using Nvf.Core.History;

namespace Nvf.Cli.CommandLine;

/// <summary>The checkout `nvf` works in: the nearest folder above the current directory holding a *.sln (or $NVF_REPOSITORY_ROOT).</summary>
public static class Repository
{
    /// <summary>The repository root; a <see cref="UsageException"/> when the current directory is not inside a checkout.</summary>
    public static string Root =>
        RepositoryLayout.FindRoot(Directory.GetCurrentDirectory())
            ?? throw new UsageException($"{Directory.GetCurrentDirectory()} is not inside an Nvf.Specs checkout (no *.sln above it); cd into the repository or set {RepositoryLayout.RootVariable}.");

    /// <summary>An existing file named by the user, resolved against the current directory; a <see cref="UsageException"/> naming the option when missing.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="option">The option or argument that named it, e.g. "--config".</param>
    public static string ExistingFile(string path, string option)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full : throw new UsageException($"{option} {path}: no such file ({full}).");
    }
}
