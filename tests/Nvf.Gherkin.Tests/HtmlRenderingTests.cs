using FluentAssertions;
using Nvf.Files;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Support;
using Xunit;

namespace Nvf.Gherkin.Tests;

public sealed class HtmlRenderingTests
{
    [Fact]
    public async Task The_html_report_renders_in_headless_chromium_without_console_messages()
    {
        var (report, _) = await InnerRun.RunAsync(ReportTests.EveryOutcome, [.. InnerRun.AllSamples, typeof(RecordingHooks)]);
        var folder = Path.Combine(RunOptions.RepositoryRoot(AppContext.BaseDirectory), "artifacts", "screenshots");
        var page = Path.Combine(folder, "gherkin-report.html");
        var screenshot = Path.Combine(folder, "gherkin-report.png");
        AtomicFile.WriteAllText(page, HtmlReportWriter.Write(report, "gherkin report rendering"));
        File.Delete(screenshot);

        var (dom, console) = HeadlessChromium.Run(page, "--dump-dom");
        var (_, screenshotConsole) = HeadlessChromium.Run(page, $"--screenshot={screenshot}");

        console.Concat(screenshotConsole).Should().BeEmpty("the report's script must run without errors or logging");
        dom.Should().Contain("<span id=\"shown\">6 shown</span>", "the filter script ran to its end and counted every scenario");
        File.ReadAllBytes(screenshot).Take(4).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    [Fact]
    public void The_console_check_sees_a_script_error()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("nvf-broken-page-").FullName, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>notDefined();</script></body></html>");

        var (_, console) = HeadlessChromium.Run(page, "--dump-dom");

        console.Should().ContainSingle().Which.Should().Contain("Uncaught ReferenceError: notDefined is not defined");
        Directory.Delete(Path.GetDirectoryName(page)!, recursive: true);
    }
}
