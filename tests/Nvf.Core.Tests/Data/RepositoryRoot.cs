namespace Nvf.Core.Tests.Data;

/// <summary>Finds committed fixtures by walking up from the test binary to the folder holding Nvf.Specs.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Fixture(params string[] parts) => System.IO.Path.Combine([Path, "fixtures", .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Nvf.Specs.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Nvf.Specs.sln above {AppContext.BaseDirectory}; run the tests from the repository");
    }
}
