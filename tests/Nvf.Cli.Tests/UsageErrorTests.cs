using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>Every error a user can cause is one clear line on stderr and exit code 2, never a stack trace.</summary>
public sealed class UsageErrorTests : IDisposable
{
    readonly TempRepository repository = new();

    public static TheoryData<string[], string> Cases => new()
    {
        { [], "Required command was not provided" },
        { ["gate", "--bogus"], "Unrecognized command or argument '--bogus'" },
        { ["gate", "--tags", "@nvf and"], "--tags \"@nvf and\": it ends where a tag was expected" },
        { ["gate", "--tags", "nvf"], "'nvf' is not a tag" },
        { ["gate", "--tags", "@no-such-tag"], "--tags \"@no-such-tag\" selects none of the" },
        { ["gate", "--config", "missing.json"], "--config missing.json: no such file" },
        { ["gate", "--config", "broken.json"], "--config broken.json: cannot read it:" },
        { ["gate", "--config", "unknown-field.json"], "--config unknown-field.json: cannot read it:" },
        { ["gate", "--config", "no-features.json"], "features folder" },
        { ["gate", "--out", "/proc/nvf-reports"], "--out /proc/nvf-reports: cannot create the report folder" },
        { ["report", "20991231"], "No run recorded in" },
        { ["baseline", "accept"], "No run recorded in" },
        { ["baseline", "reject"], "Unrecognized command or argument 'reject'" },
        { ["history", "--last", "0"], "--last 0: expected a number of runs >= 1." },
        { ["history", "--last", "many"], "many" },
        { ["history", "--metrics", ","], "--metrics \",\": expected one or more globs" },
        { ["report", "--screenshot", "page.jpg"], "--screenshot page.jpg: expected a .png file name." },
        { ["report", "--screenshot-size", "big"], "--screenshot-size big: expected WIDTHxHEIGHT in px" },
        { ["bench", "NoSuchBench"], "no bench program 'NoSuchBench' under bench/" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_user_error_is_one_line_and_exit_code_2(string[] arguments, string message)
    {
        repository.Write("broken.json", "{ \"tags\": ");
        repository.Write("unknown-field.json", "{ \"tagz\": \"@nvf\" }");
        repository.Write("no-features.json", "// a config whose features folder is missing\n{ \"features\": \"nowhere\" }");

        var (exitCode, output, error) = NvfProcess.Run(repository.Root, arguments);

        exitCode.Should().Be(2, $"stdout: {output} stderr: {error}");
        error.TrimEnd().Split('\n').Should().ContainSingle("one line, no stack trace").Which.Should().StartWith("nvf: ").And.Contain(message);
        error.Should().NotContain(" at Nvf.").And.NotContain("Exception:");
    }

    [Fact]
    public void Outside_a_checkout_nvf_works_in_the_current_folder()
    {
        var outside = Directory.CreateTempSubdirectory("nvf-outside-").FullName;
        try
        {
            var (exitCode, output, error) = NvfProcess.Run(outside, "history");

            exitCode.Should().Be(0, error);
            output.Should().Contain("No run recorded yet");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        var (exitCode, output, _) = NvfProcess.Run(repository.Root, "gate", "--help");

        exitCode.Should().Be(0);
        output.Should().Contain("--tags").And.Contain("--config").And.Contain("--out");
    }

    public void Dispose() => repository.Dispose();
}
