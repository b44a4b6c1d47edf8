using FluentAssertions;
using Nvf.Cli.Gate;
using Nvf.Gherkin.Engine;
using Reqnroll;
using Nvf.Gherkin.Parsing;
using Nvf.Gherkin.Running;
using Nvf.Gate;
using Nvf.Specs.Steps.Gate;
using Spectre.Console;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// The live progress of `nvf gate` on a sample suite whose step reports 300 epochs of training progress, with a
/// clock that advances 50 ms per event: a log (CI, pipe) gets a few lines, a terminal one live line redrawn a few times.
/// </summary>
public sealed class ProgressDisplayTests
{
    const string Suite = """
        Feature: Sample training
          Scenario: trains
            Given the sample trains for 300 epochs
          Scenario: measures
            Given the sample records "sample.accuracy" = 0.68, higher is better
        """;

    static async Task<(string Output, List<string> LiveLines)> RunAsync(bool live)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var now = TimeSpan.Zero;
        var display = new ProgressDisplay(console, 2, live, () => now += TimeSpan.FromMilliseconds(50));
        var liveLines = new List<string>();
        display.LiveLine = line => liveLines.Add(Markup.Remove(line));
        var run = new GherkinRun(BindingSource.FromTypes(typeof(SampleSuiteSteps)), new RunOptions { Progress = display.OnProgress });
        var report = await run.RunAllAsync([FeatureParser.Parse(Suite, "sample.feature")]);
        report.Succeeded.Should().BeTrue();
        return (writer.ToString(), liveLines);
    }

    [Fact]
    public async Task A_log_gets_the_first_and_the_last_epoch_of_a_scenario_not_one_line_per_epoch()
    {
        var (output, liveLines) = await RunAsync(live: false);

        var epochLines = output.Split('\n').Where(l => l.Contains("epoch", StringComparison.Ordinal)).ToList();
        // 300 epochs at 50 ms each take 15 s of clock: under the 30 s log interval, so only the first and the last show.
        epochLines.Should().HaveCount(2);
        epochLines[0].Should().Contain("sample model: epoch 1/300, loss 1.8661");
        epochLines[1].Should().Contain("sample model: epoch 300/300, loss 0.0000");
        output.Should().Contain("[1/2] Sample training › trains …").And.Contain("✅ passed trains").And.Contain("[2/2] Sample training › measures …");
        liveLines.Should().BeEmpty("nothing is redrawn in a log");
    }

    [Fact]
    public async Task A_terminal_gets_one_live_line_redrawn_at_most_every_quarter_second()
    {
        var (output, liveLines) = await RunAsync(live: true);

        output.Should().NotContain("epoch", "progress stays on the live line; only results are printed");
        output.Should().Contain("[1/2] ✅ passed Sample training › trains").And.Contain("[2/2] ✅ passed Sample training › measures");
        var epochUpdates = liveLines.Where(l => l.Contains("epoch", StringComparison.Ordinal)).ToList();
        // 15 s of clock at one redraw per 250 ms at most: about 60 redraws for 300 messages.
        epochUpdates.Count.Should().BeInRange(2, 62);
        epochUpdates[0].Should().Contain("[1/2] Sample training › trains").And.Contain("epoch 1/300");
        liveLines.Should().Contain(l => l.StartsWith("[2/2] Sample training › measures", StringComparison.Ordinal));
    }
}
