namespace Nvf.Cli.Tests.Support;

/// <summary>A throw-away checkout for `nvf`: a folder holding a *.sln (how nvf finds the repository root), deleted on dispose.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Directory.CreateTempSubdirectory("nvf-cli-tests-").FullName;
        File.WriteAllText(Path.Combine(Root, "Sample.sln"), "");
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
