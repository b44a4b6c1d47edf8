using System.Text.Json;

namespace Nvf.Torch.Tests.Support;

/// <summary>Reads the committed reference values in fixtures/torch (made by fixtures/torch/make_fixtures.py).</summary>
internal static class Fixtures
{
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "fixtures", "torch", fileName);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static float[] Floats(this JsonElement element) =>
        element.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();

    public static long[] Longs(this JsonElement element) =>
        element.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nvf.Specs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Nvf.Specs.sln above {AppContext.BaseDirectory}");
    }
}
