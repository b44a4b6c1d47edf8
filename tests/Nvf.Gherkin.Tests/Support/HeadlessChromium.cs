using System.Diagnostics;

namespace Nvf.Gherkin.Tests.Support;

/// <summary>Debian's headless Chromium, for checking that reports render and their script runs without console messages.</summary>
public static class HeadlessChromium
{
    const string Executable = "/usr/bin/chromium";

    /// <summary>Loads the page and returns the DOM after scripts ran, plus every console line Chromium logged.</summary>
    public static (string Output, List<string> Console) Run(string page, params string[] extraArguments)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing; install it with: sudo apt-get install -y chromium");
        }

        var profile = Directory.CreateTempSubdirectory("nvf-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in (string[])
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                "--window-size=1280,1600", .. extraArguments, new Uri(Path.GetFullPath(page)).AbsoluteUri,
            ])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 60 s");
            }

            // Chromium logs every console message (log, warning, error, uncaught exception) as ":CONSOLE" lines.
            var console = error.Result.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
            return (output, console);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
