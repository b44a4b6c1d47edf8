using System.Diagnostics;

namespace Nvf.Cli.Tests.Support;

/// <summary>Runs the built `nvf` as a user would (its own process), so exit codes and stderr are the real ones.</summary>
public static class NvfProcess
{
    /// <summary>nvf.dll beside the test assembly (the project reference copies it with its runtime config and features/).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "nvf.dll");

    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] arguments) =>
        RunWith(new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, workingDirectory, arguments);

    /// <summary>Runs with <paramref name="environment"/> set (a null value removes the variable).</summary>
    public static (int ExitCode, string Output, string Error) RunWith(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The repository is found from the working directory, never from the test's environment; a wide
        // console keeps Spectre's tables on one line per row.
        start.Environment.Remove("NVF_REPOSITORY_ROOT");
        start.Environment["COLUMNS"] = "240";
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nvf {string.Join(' ', arguments)} did not finish within 120 s");
        }

        return (process.ExitCode, output, error.Result);
    }
}
