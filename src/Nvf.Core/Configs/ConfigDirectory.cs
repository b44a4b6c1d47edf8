namespace Nvf.Core.Configs;

/// <summary>Finds fixtures/configs/ (the run configs) from any folder inside the repository, e.g. a test's output folder.</summary>
public static class ConfigDirectory
{
    /// <summary>The relative location of the run configs under the repository root.</summary>
    public const string RelativePath = "fixtures/configs";

    /// <summary>The nearest fixtures/configs folder at or above <paramref name="start"/> (default: the app's base folder).</summary>
    public static string Find(string? start = null)
    {
        var origin = Path.GetFullPath(start ?? AppContext.BaseDirectory);
        for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ConfigException($"no {RelativePath} folder at or above {origin}; expected to run inside the Nvf.Specs repository");
    }

    /// <summary>The full path of config <paramref name="fileName"/> in <see cref="Find"/>'s folder.</summary>
    public static string PathOf(string fileName, string? start = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return Path.Combine(Find(start), fileName);
    }
}
