using System.Diagnostics;
using FluentAssertions;
using Nvf.Cli.Report;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>The screenshot's time limit holds even when the browser keeps its output open (issue "The gate as a library").</summary>
public sealed class HeadlessScreenshotTests : IDisposable
{
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("nvf-screenshot-");

    [Fact]
    public void A_browser_that_hangs_is_stopped_at_the_time_limit_not_when_it_exits()
    {
        // A stand-in browser that prints a line, then takes 30 s: it holds stdout open the whole time.
        var browser = Path.Combine(folder.FullName, "slow-browser");
        File.WriteAllText(browser, "#!/bin/sh\necho starting\nsleep 30\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var page = Path.Combine(folder.FullName, "page.html");
        File.WriteAllText(page, "<html></html>");
        var clock = Stopwatch.StartNew();

        var render = () => HeadlessScreenshot.Render(page, Path.Combine(folder.FullName, "shot.png"), 100, 100, browser, TimeSpan.FromSeconds(1));

        render.Should().Throw<TimeoutException>().WithMessage("*did not render*within 1 s");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the 1 s limit applies, not the child's 30 s (the margin is for a loaded CI host)");
    }

    public void Dispose() => folder.Delete(recursive: true);
}
