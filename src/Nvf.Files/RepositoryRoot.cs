namespace Nvf.Files;

/// <summary>
/// The one way the project finds its checkout: $NVF_REPOSITORY_ROOT when set (so `nvf`, the steps it runs and the tests
/// agree on one folder), else the nearest folder at or above a starting folder that holds a *.sln file.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The environment variable that names the root explicitly.</summary>
    public const string Variable = "NVF_REPOSITORY_ROOT";

    /// <summary>The repository root for <paramref name="start"/>, or null when neither the variable nor a *.sln says.</summary>
    public static string? Find(string start)
    {
        ArgumentException.ThrowIfNullOrEmpty(start);
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
            return Path.GetFullPath(named);
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && dir.EnumerateFiles("*.sln").Any())
                return dir.FullName;
        }

        return null;
    }
}
