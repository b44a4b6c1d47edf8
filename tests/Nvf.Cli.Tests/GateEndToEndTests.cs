using System.Text;
using System.Text.Json;
using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Nvf.Gherkin.Running;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// The whole loop on a sample suite in a throw-away checkout: gate (pass, run recorded), baseline accept, a worse
/// run (regression table, exit 1), a full run that lost a metric (disappeared, exit 1), a filtered run that did not
/// measure it (passes), history side by side, reports re-rendered byte for byte, and the HTML report screenshotted
/// headlessly (kept under artifacts/screenshots as a CI artifact).
/// </summary>
public sealed class GateEndToEndTests : IDisposable
{
    readonly TempRepository repository = new();

    static string Screenshots => Path.Combine(RunOptions.RepositoryRoot(AppContext.BaseDirectory), "artifacts", "screenshots");

    void WriteSample(string accuracyStep) => repository.Write("features/sample.feature", $"""
        @sample @gate
        Feature: Sample gate
          Scenario: measures accuracy
            {accuracyStep}
          Scenario: trains a model
            Given the sample trains for 40 epochs
        """);

    static string Records(double accuracy) =>
        $"Given the sample records \"sample.accuracy\" = {accuracy.ToString(System.Globalization.CultureInfo.InvariantCulture)}, higher is better";

    [Fact]
    public void Gate_records_runs_fails_regressions_and_disappeared_metrics_and_re_renders_reports_byte_for_byte()
    {
        // The suite's own regression feature, run last, beside a sample feature that records two metrics.
        repository.Write("features/gate/regression.feature", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "features", "gate", "regression.feature")));
        repository.Write("gate.json", "// the sample suite\n{ \"features\": \"features\", \"reportName\": \"acceptance\" }");
        WriteSample(Records(0.68));

        var first = NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "out");

        first.ExitCode.Should().Be(0, first.Output + first.Error);
        first.Output.Should().Contain("[1/3] Sample gate › measures accuracy").And.Contain("sample.accuracy = 0.68")
            .And.Contain("sample model: epoch 1/40").And.Contain("sample model: epoch 40/40")
            .And.Contain("questions are outside this run's selection").And.Contain("no baseline accepted yet").And.Contain("GATE PASSED");
        File.ReadAllText(repository.PathOf("out/acceptance.md")).Should().Contain("| sample.accuracy | 0.68 |").And.Contain("### Answers");
        using (var cucumber = JsonDocument.Parse(File.ReadAllText(repository.PathOf("out/acceptance.cucumber.json"))))
        {
            cucumber.RootElement.GetArrayLength().Should().Be(2, "two features ran");
        }

        var accept = NvfProcess.Run(repository.Root, "baseline", "accept");

        accept.ExitCode.Should().Be(0, accept.Output + accept.Error);
        accept.Output.Should().Contain("no interval, accepted with the default tolerance (±0.001 or ±2%").And.Contain("sample.accuracy, sample.final_loss");
        var baseline = File.ReadAllText(repository.PathOf("fixtures/baselines/gate.json"));
        baseline.Should().Contain("\"expected\": 0.68").And.Contain("\"scenario\": \"Sample gate › measures accuracy\"");

        WriteSample(Records(0.60));
        var worse = NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "out", "--tags", "@sample or @regression");

        worse.ExitCode.Should().Be(1, worse.Output + worse.Error);
        worse.Output.Should().Contain("Metrics worse than the accepted baseline").And.MatchRegex(@"sample\.accuracy\s*│\s*0\.6\s*│\s*0\.68\s*│\s*-0\.08")
            .And.Contain("1 metric(s) regressed beyond tolerance").And.Contain("GATE FAILED");
        worse.Error.Should().BeEmpty();
        var worseRun = Directory.GetDirectories(repository.PathOf("artifacts/runs")).Order().Last();
        var kept = new[] { "acceptance.html", "acceptance.md", "acceptance.cucumber.json", "acceptance.junit.xml", "acceptance.ndjson", "acceptance.cucumber.html" }.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(worseRun, f)));
        Encoding.UTF8.GetString(kept["acceptance.ndjson"]).Should().Contain("\"testCase\":").And.Contain("Sample gate", "the run's Cucumber Messages hold its scenarios");

        WriteSample("Given the sample passes");
        var lost = NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "lost");

        lost.ExitCode.Should().Be(1, lost.Output + lost.Error);
        lost.Output.Should().Contain("sample.accuracy: metric disappeared (expected 0.68): its scenario 'Sample gate › measures accuracy' passed without recording it");

        var filtered = NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "filtered", "--tags", "@regression");

        filtered.ExitCode.Should().Be(0, "a run filtered to the regression check compares only the metrics of the scenarios it ran: " + filtered.Output);

        var history = NvfProcess.Run(repository.Root, "history", "--metrics", "sample.acc*");

        history.ExitCode.Should().Be(0, history.Error);
        history.Output.Should().MatchRegex(@"sample\.accuracy\s*│\s*0\.68\s*│\s*0\.6\s*│").And.Contain("passed").And.Contain("failed").And.NotContain("sample.final_loss");
        var noMatch = NvfProcess.Run(repository.Root, "history", "--metrics", "nvf.*");
        noMatch.ExitCode.Should().Be(2);
        noMatch.Error.Trim().Should().StartWith("nvf: --metrics nvf.* matches none of the 2 metrics of the last 4 runs (sample.accuracy, sample.final_loss)");

        // Re-rendered from the run folder alone, after the baseline and the history moved on: the same bytes.
        var screenshot = Path.Combine(Screenshots, "nvf-gate-report.png");
        var report = NvfProcess.Run(repository.Root, "report", Path.GetFileName(worseRun), "--out", "rerendered", "--screenshot", screenshot, "--screenshot-size", "1280x1800");

        report.ExitCode.Should().Be(0, report.Output + report.Error);
        report.Output.Should().Contain("1 metric(s) regressed, 0 disappeared").And.Contain("0 console messages");
        foreach (var (file, bytes) in kept)
        {
            File.ReadAllBytes(repository.PathOf("rerendered/" + file)).Should().Equal(bytes, $"{file} re-renders byte for byte");
        }

        var html = File.ReadAllText(repository.PathOf("rerendered/acceptance.html"));
        html.Should().Contain("<h2>Verdict per feature</h2>").And.Contain("<h2>Answers</h2>").And.Contain("<h2>Regression check and trends</h2>")
            .And.Contain("<section class=\"extra lead\" id=\"section-answers\">").And.Contain("<h2>Plots</h2>").And.Contain("sample model: training loss").And.Contain("<figure data-metric=\"sample.accuracy\"><svg")
            .And.Contain("sample.accuracy (higher is better)");
        File.ReadAllBytes(screenshot).Take(4).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    public void Dispose() => repository.Dispose();
}
