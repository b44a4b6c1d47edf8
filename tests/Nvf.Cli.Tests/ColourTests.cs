using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>Colour only on a terminal: output to a pipe or a file carries no escape codes, with or without NO_COLOR.</summary>
public sealed class ColourTests : IDisposable
{
    readonly TempRepository repository = new();

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public void Redirected_output_has_no_escape_codes(string? noColor)
    {
        var (exitCode, output, error) = NvfProcess.RunWith(
            new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = "xterm-256color" }, repository.Root, "doctor");

        exitCode.Should().BeOneOf([0, 1], error);
        output.Should().Contain("BLAS").And.NotContain("\u001b", "a log or a pipe gets plain text");
    }

    public void Dispose() => repository.Dispose();
}
