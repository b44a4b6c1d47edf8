using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// `nvf history --html` draws the research notes' headline metrics over recorded runs from the run folders alone (issue
/// "Answers first"), and a run folder whose results.json is missing, truncated or from an older layout is named and left out,
/// never a crash.
/// </summary>
public sealed class HistoryTrendsTests : IDisposable
{
    const string Headline = "nvf.reranker.improved.pipeline_top1";
    readonly TempRepository repository = new();

    [Fact]
    public void Three_runs_give_a_trend_per_headline_metric_and_damaged_run_folders_are_named_and_left_out()
    {
        repository.Write("gate.json", "{ \"features\": \"features\", \"reportName\": \"acceptance\" }");
        // The third run drops by more than the tolerance (whether that fails the gate is the regression check's business).
        foreach (var (value, expected) in new[] { ("0.95", 0), ("0.96", 0), ("0.5", -1) })
        {
            repository.Write("features/nvf/reranker.feature", $"""
                @sample
                Feature: The neural reranker
                  Scenario: The improved reranker learns to meet the seed's 90% target
                    Given the sample records "{Headline}" = {value}, higher is better
                """);
            var (code, output, error) = NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "out");
            if (expected >= 0)
            {
                code.Should().Be(expected, output + error);
            }
            if (value == "0.95")
            {
                // The first run becomes the accepted baseline: its tolerance judges the moves.
                NvfProcess.Run(repository.Root, "baseline", "accept").ExitCode.Should().Be(0);
            }
        }

        var runs = Directory.GetDirectories(repository.PathOf("artifacts/runs")).Order(StringComparer.Ordinal).ToList();
        runs.Should().HaveCount(3);
        var truncated = Damage(runs[0], "20990101-000001-aaaaa1", results => results[..(results.Length / 2)]);
        var missing = Damage(runs[0], "20990101-000002-aaaaa2", null);
        var older = Damage(runs[0], "20990101-000003-aaaaa3", _ => "{\"results\": []}");

        var (exitCode, text, stderr) = NvfProcess.Run(repository.Root, "history", "--last", "10", "--html", "trends.html");
        var page = File.ReadAllText(repository.PathOf("trends.html"));

        exitCode.Should().Be(0, text + stderr);
        text.Should().Contain(truncated).And.Contain("not complete JSON")
            .And.Contain(missing).And.Contain("missing")
            .And.Contain(older).And.Contain("no layout version");
        page.Should().Contain($"data-metric=\"{Headline}\"", "the headline metric has a trend plot")
            .And.Contain("Headline metrics over the last 3 runs", "the damaged folders are left out")
            .And.Contain("run 2 → 3", "the drop from 0.96 to 0.5 is beyond the baseline's tolerance")
            .And.NotContain("run 1 → 2", "0.95 to 0.96 is within it")
            .And.Contain("Run folders left out");
        foreach (var run in runs)
        {
            page.Should().Contain(Path.GetFileName(run));
        }
    }

    // A copy of a run folder under a new id, its results.json changed by `change` (or deleted when null); returns that file.
    static string Damage(string source, string id, Func<string, string>? change)
    {
        var target = Path.Combine(Path.GetDirectoryName(source)!, id);
        Directory.CreateDirectory(target);
        var sourceId = Path.GetFileName(source);
        File.WriteAllText(Path.Combine(target, "run.json"), File.ReadAllText(Path.Combine(source, "run.json")).Replace(sourceId, id, StringComparison.Ordinal));
        var results = Path.Combine(target, "results.json");
        if (change is not null)
        {
            File.WriteAllText(results, change(File.ReadAllText(Path.Combine(source, "results.json"))));
        }

        return results;
    }

    public void Dispose() => repository.Dispose();
}
