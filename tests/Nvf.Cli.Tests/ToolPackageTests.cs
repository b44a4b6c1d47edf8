using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// `nvf` as a .NET tool (issue "The researcher's daily loop"): packed from the repository, installed into a tool folder, and
/// run from a folder outside any checkout on a researcher's files, keeping its runs there.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    readonly string scratch = Directory.CreateTempSubdirectory("nvf-tool-").FullName;

    [Fact]
    public void The_packed_tool_installs_and_evaluates_predictions_from_a_folder_outside_the_checkout()
    {
        var project = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Nvf.Cli", "Nvf.Cli.csproj"));
        File.Exists(project).Should().BeTrue($"the test runs from the checkout's tests/Nvf.Cli.Tests/bin: {project}");
        var (packages, tools, work) = (Path.Combine(scratch, "packages"), Path.Combine(scratch, "tools"), Path.Combine(scratch, "my-experiment"));
        Directory.CreateDirectory(work);

        Dotnet(scratch, "pack", project, "-c", "Release", "--no-build", "-o", packages, "-v", "quiet", "-nologo");
        Directory.GetFiles(packages, "Nvf.Specs.Tool.*.nupkg").Should().ContainSingle();
        Dotnet(scratch, "tool", "install", "--tool-path", tools, "--add-source", packages, "Nvf.Specs.Tool");

        DebianPython.Run(work, EvaluateCommandTests.Artifacts);
        var nvf = Path.Combine(tools, "nvf");
        var (exitCode, output, error) = Run(nvf, work, "evaluate", "--predictions", "learned.npy", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy");

        exitCode.Should().Be(0, output + error);
        output.Should().MatchRegex(@"verdict\S* \(exit 0\): continue training");
        Directory.GetFiles(Path.Combine(work, "artifacts", "runs"), "run.json", SearchOption.AllDirectories).Should().ContainSingle("the run is kept in the folder it was run from");
        File.Exists(Path.Combine(work, "artifacts", "reports", "acceptance.html")).Should().BeTrue();
        var history = Run(nvf, work, "history");
        history.ExitCode.Should().Be(0, history.Error);
        history.Output.Should().Contain("passed");
    }

    static void Dotnet(string folder, params string[] arguments)
    {
        var (code, output, error) = Run("dotnet", folder, arguments);
        code.Should().Be(0, $"dotnet {string.Join(' ', arguments)}: {output}{error}");
    }

    static (int ExitCode, string Output, string Error) Run(string program, string folder, params string[] arguments) =>
        ChildProcess.Run(program, arguments, folder, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, TimeSpan.FromMinutes(10));

    public void Dispose() => Directory.Delete(scratch, recursive: true);
}
