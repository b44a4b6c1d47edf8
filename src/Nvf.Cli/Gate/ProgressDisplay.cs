using System.Diagnostics;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Spectre.Console;

namespace Nvf.Cli.Gate;

/// <summary>
/// Shows a run as it goes: one line per finished scenario (status, name, duration); while a scenario runs,
/// the progress messages its steps report (epoch, loss): the first at once, then at most one line every
/// <see cref="MessageInterval"/> so long training does not flood a CI log.
/// </summary>
public sealed class ProgressDisplay(IAnsiConsole console, int total)
{
    /// <summary>Least time between two progress lines of the same scenario.</summary>
    public static readonly TimeSpan MessageInterval = TimeSpan.FromSeconds(2);

    readonly Stopwatch sinceMessage = new();
    bool messageShown;
    int finished;

    /// <summary>Handles one event (pass this method as <see cref="RunOptions.Progress"/>).</summary>
    /// <param name="progress">The event.</param>
    public void OnProgress(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        switch (progress.Kind)
        {
            case RunProgressKind.ScenarioStarted:
                console.MarkupLine($"[grey][[{finished + 1}/{total}]][/] {Markup.Escape(progress.Scenario.DisplayName)} …");
                messageShown = false;
                break;
            case RunProgressKind.Message when !messageShown || sinceMessage.Elapsed >= MessageInterval:
                console.MarkupLine($"[grey]      {Markup.Escape(progress.Message ?? "")}[/]");
                sinceMessage.Restart();
                messageShown = true;
                break;
            case RunProgressKind.ScenarioFinished:
                finished++;
                var result = progress.Result!;
                var colour = result.Status switch
                {
                    StepStatus.Passed => "green",
                    StepStatus.Skipped => "blue",
                    _ => "red",
                };
                var reason = ScenarioProblem.FirstLine(result) is { } problem ? ": " + problem : "";
                console.MarkupLine($"  [{colour}]{StatusText.Symbol(result.Status)} {StatusText.Name(result.Status)}[/] {Markup.Escape(progress.Scenario.Title)} [grey]({StatusText.Milliseconds(result.Duration)})[/]{Markup.Escape(reason)}");
                break;
        }
    }
}
