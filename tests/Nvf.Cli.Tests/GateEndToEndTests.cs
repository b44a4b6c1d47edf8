using System.Text.Json;
using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Nvf.Gherkin.Running;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// The whole loop on a sample suite in a throw-away checkout: gate (pass, run recorded), baseline accept,
/// a worse run (regression table, exit 1), history side by side, report re-rendered, HTML in headless Chromium.
/// </summary>
public sealed class GateEndToEndTests : IDisposable
{
    readonly TempRepository repository = new();

    void WriteSample(double accuracy) => repository.Write("features/sample.feature", $"""
        @sample @gate
        Feature: Sample gate
          Scenario: measures accuracy
            Given the sample records "sample.accuracy" = {accuracy.ToString(System.Globalization.CultureInfo.InvariantCulture)}, higher is better
        """);

    [Fact]
    public void Gate_records_runs_and_fails_a_regression_against_the_accepted_baseline()
    {
        // The suite's own regression feature, run last, beside a sample feature that records one metric.
        repository.Write("features/gate/regression.feature", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "features", "gate", "regression.feature")));
        repository.Write("gate.json", "// the sample suite\n{ \"features\": \"features\", \"reportName\": \"acceptance\" }");
        WriteSample(0.68);

        var first = NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "out");

        first.ExitCode.Should().Be(0, first.Output + first.Error);
        first.Output.Should().Contain("[1/2] Sample gate › measures accuracy").And.Contain("sample.accuracy = 0.68")
            .And.Contain("Decision gates").And.Contain("no baseline accepted yet").And.Contain("GATE PASSED");
        File.Exists(repository.PathOf("out/acceptance.html")).Should().BeTrue();
        File.ReadAllText(repository.PathOf("out/acceptance.md")).Should().Contain("| sample.accuracy | 0.68 |");
        using (var cucumber = JsonDocument.Parse(File.ReadAllText(repository.PathOf("out/acceptance.cucumber.json"))))
        {
            cucumber.RootElement.GetArrayLength().Should().Be(2, "two features ran");
        }

        var accept = NvfProcess.Run(repository.Root, "baseline", "accept");

        accept.ExitCode.Should().Be(0, accept.Output + accept.Error);
        accept.Output.Should().Contain("sample.accuracy has no interval and was accepted as exact");
        File.ReadAllText(repository.PathOf("fixtures/baselines/gate.json")).Should().Contain("\"expected\": 0.68");

        WriteSample(0.60);
        var second = NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "out", "--tags", "@sample or @regression");

        second.ExitCode.Should().Be(1, second.Output + second.Error);
        second.Output.Should().Contain("Metrics worse than the accepted baseline").And.MatchRegex(@"sample\.accuracy\s*│\s*0\.6\s*│\s*0\.68\s*│\s*-0\.08")
            .And.Contain("1 metric(s) regressed beyond tolerance").And.Contain("GATE FAILED");
        second.Error.Should().BeEmpty();

        var history = NvfProcess.Run(repository.Root, "history");

        history.ExitCode.Should().Be(0, history.Error);
        history.Output.Should().MatchRegex(@"sample\.accuracy\s*│\s*0\.68\s*│\s*0\.6\s*│").And.Contain("passed").And.Contain("failed");

        var report = NvfProcess.Run(repository.Root, "report");

        report.ExitCode.Should().Be(0, report.Error);
        report.Output.Should().Contain("1 metric(s) regressed");
        var runs = Directory.GetDirectories(repository.PathOf("artifacts/runs")).Order().ToList();
        runs.Should().HaveCount(2);
        File.ReadAllText(Path.Combine(runs[1], "summary.html")).Should().Contain("<svg").And.Contain("sample.accuracy (higher is better)");
        File.Exists(Path.Combine(runs[1], "acceptance.html")).Should().BeTrue("each run keeps its own reports");

        RendersWithoutConsoleMessages(repository.PathOf("out/acceptance.html"), "nvf-gate-report");
        RendersWithoutConsoleMessages(Path.Combine(runs[1], "summary.html"), "nvf-run-summary");
    }

    static void RendersWithoutConsoleMessages(string page, string name)
    {
        var screenshot = Path.Combine(RunOptions.RepositoryRoot(AppContext.BaseDirectory), "artifacts", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var (dom, console) = Nvf.Gherkin.Tests.Support.HeadlessChromium.Run(page, "--dump-dom");
        var (_, screenshotConsole) = Nvf.Gherkin.Tests.Support.HeadlessChromium.Run(page, $"--screenshot={screenshot}");

        console.Concat(screenshotConsole).Should().BeEmpty($"{name} must render without script errors or logging");
        dom.Should().Contain("<svg", "the trend plot is inline SVG");
        File.ReadAllBytes(screenshot).Take(4).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    public void Dispose() => repository.Dispose();
}
