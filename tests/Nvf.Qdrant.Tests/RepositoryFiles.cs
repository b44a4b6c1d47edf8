namespace Nvf.Qdrant.Tests;

/// <summary>Finds committed files (fixtures/) from the test's output directory.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Nvf.Specs.sln")))
                    return dir.FullName;
            throw new DirectoryNotFoundException($"no Nvf.Specs.sln above {AppContext.BaseDirectory}");
        }
    }

    public static string Fixture(params string[] parts) => Path.Combine([Root, "fixtures", .. parts]);
}
