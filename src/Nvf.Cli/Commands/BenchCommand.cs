using System.CommandLine;
using System.Diagnostics;
using Nvf.Cli.CommandLine;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>`nvf bench [NAME] [-- ARGS]`: lists the bench programs under bench/, or builds and runs one (Release), streaming its figures.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "The bench program (a folder under bench/, e.g. Nvf.Bench); none lists them.", Arity = ArgumentArity.ZeroOrOne };
        var arguments = new Argument<string[]>("arguments") { Description = "Arguments for the bench program (after --).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("bench", "List the bench programs under bench/, or run one in Release and stream its figures.") { name, arguments };
        command.SetAction(parse => Run(parse.GetValue(name), parse.GetValue(arguments) ?? [], Terminal.Console));
        return command;
    }

    static int Run(string? name, string[] arguments, IAnsiConsole console)
    {
        var benchFolder = Path.Combine(Repository.Root, "bench");
        var programs = Directory.Exists(benchFolder)
            ? Directory.EnumerateFiles(benchFolder, "*.csproj", SearchOption.AllDirectories).Select(p => Path.GetFileName(Path.GetDirectoryName(p)!)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (name is null)
        {
            console.MarkupLine(programs.Count == 0 ? "No bench program under bench/." : "Bench programs (run one with [bold]nvf bench NAME[/]):");
            programs.ForEach(p => console.MarkupLine($"  {Markup.Escape(p)}"));
            return ExitCodes.Passed;
        }

        if (!programs.Contains(name, StringComparer.Ordinal))
        {
            throw new UsageException($"no bench program '{name}' under bench/; expected one of: {string.Join(", ", programs)}.");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { "run", "--project", Path.Combine(benchFolder, name), "-c", "Release", "--" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Output streams straight to this console: the bench prints its own figures.
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start `dotnet run`; expected the dotnet SDK on PATH.");
        process.WaitForExit();
        return process.ExitCode == 0 ? ExitCodes.Passed : ExitCodes.Failed;
    }
}
