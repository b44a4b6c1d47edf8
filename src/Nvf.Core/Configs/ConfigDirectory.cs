namespace Nvf.Core.Configs;

/// <summary>Finds fixtures/configs/ (the run configs) from any folder inside the repository, e.g. a test's output folder.</summary>
public static class ConfigDirectory
{
    /// <summary>The relative location of the run configs under the repository root.</summary>
    public const string RelativePath = "fixtures/configs";

    /// <summary>
    /// The nearest fixtures/configs folder at or above <paramref name="start"/>; by default above
    /// the app's base folder, then above the current directory (a tool built outside the repository).
    /// </summary>
    public static string Find(string? start = null)
    {
        var origins = start is null ? [AppContext.BaseDirectory, Environment.CurrentDirectory] : new[] { start };
        foreach (var origin in origins.Select(Path.GetFullPath))
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ConfigException($"no {RelativePath} folder at or above {string.Join(" or ", origins)}; expected to run inside the Nvf.Specs repository");
    }

    /// <summary>The full path of config <paramref name="fileName"/> in <see cref="Find"/>'s folder.</summary>
    public static string PathOf(string fileName, string? start = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return Path.Combine(Find(start), fileName);
    }
}
