using Reqnroll;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>Steps that use Reqnroll's own output helper: lines written and files attached by path.</summary>
[Binding]
public sealed class OutputSteps(IReqnrollOutputHelper output)
{
    [Given("the step writes two lines")]
    public void WritesTwoLines()
    {
        output.WriteLine("first line");
        output.WriteLine("second line");
    }

    [Given("the step attaches the file {string}")]
    public void AttachesFile(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), name);
        if (name.EndsWith(".svg", StringComparison.Ordinal))
        {
            File.WriteAllText(path, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>");
        }
        else if (!name.StartsWith("missing", StringComparison.Ordinal))
        {
            File.WriteAllBytes(path, [0, 1, 2]);
        }

        output.AddAttachment(path);
    }
}
