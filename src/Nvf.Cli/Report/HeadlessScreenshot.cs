using System.Diagnostics;
using Nvf.Cli.CommandLine;

namespace Nvf.Cli.Report;

/// <summary>Renders an HTML file with headless Chromium (installed by scripts/setup.sh): to a PNG, reporting what the page logged to its console, or to its DOM.</summary>
public static class HeadlessScreenshot
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string Executable = "/usr/bin/chromium";

    /// <summary>Renders <paramref name="page"/> in a <paramref name="width"/> x <paramref name="height"/> px window and writes the PNG to <paramref name="png"/>.</summary>
    /// <param name="page">The HTML file.</param>
    /// <param name="png">The PNG to write (its folder is created).</param>
    /// <param name="width">Window width in px.</param>
    /// <param name="height">Window height in px (the screenshot is the window, not the whole page).</param>
    /// <returns>The console messages the page logged (script errors, warnings); empty for a clean render.</returns>
    public static IReadOnlyList<string> Render(string page, string png, int width, int height) =>
        Render(page, png, width, height, Executable, TimeSpan.FromSeconds(120));

    /// <summary>The page's DOM after its scripts ran, serialized as HTML (what a reader's browser shows, for checks on the rendered report).</summary>
    /// <param name="page">The HTML file.</param>
    public static string DumpDom(string page) => Run(page, ["--dump-dom"], Executable, TimeSpan.FromSeconds(120)).Output;

    // The browser and the time it is given, apart so that a test can check the time limit holds.
    internal static IReadOnlyList<string> Render(string page, string png, int width, int height, string executable, TimeSpan timeout)
    {
        var target = Path.GetFullPath(png);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Delete(target);
        var (_, error, exitCode) = Run(page, ["--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={target}"], executable, timeout);
        if (!File.Exists(target))
        {
            throw new InvalidOperationException($"{executable} exited with {exitCode} without writing {target}: {error.Split('\n').LastOrDefault(l => l.Length > 0)}");
        }

        // Chromium logs every console message of the page (log, warning, error, uncaught exception) as ":CONSOLE" lines.
        return error.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
    }

    // Runs headless Chromium on the page with a throw-away profile and the given arguments; stdout and stderr as text.
    static (string Output, string Error, int ExitCode) Run(string page, IEnumerable<string> arguments, string executable, TimeSpan timeout)
    {
        if (!File.Exists(executable))
        {
            throw new UsageException($"rendering a report needs {executable}; install it with: sudo apt-get install -y chromium (scripts/setup.sh does).");
        }

        var profile = Directory.CreateTempSubdirectory("nvf-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
            }.Concat(arguments).Append(new Uri(Path.GetFullPath(page)).AbsoluteUri))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
            // Both streams are drained in the background: reading one to its end first would wait for the process to
            // exit and the time limit would never apply.
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{executable} did not render {page} within {timeout.TotalSeconds:F0} s");
            }

            return (output.Result, error.Result, process.ExitCode);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
