using System.Diagnostics;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Nvf.Gate;
using Spectre.Console;

namespace Nvf.Cli.Gate;

/// <summary>
/// Shows a run as it goes. Each finished scenario leaves one line (status, name, duration, why it did not pass).
/// On a terminal, one live line under them shows the running scenario and its steps' latest progress message
/// (epoch, loss), redrawn at most every <see cref="LiveInterval"/>. When output is not a terminal, or $CI is set,
/// nothing is redrawn: each scenario gets a start line, its first progress message, then at most one message
/// every <see cref="LogInterval"/>, and its last message before its result, so long training leaves a few lines in a
/// CI log, not one per epoch.
/// </summary>
public sealed class ProgressDisplay
{
    /// <summary>Least time between two redraws of the live line.</summary>
    public static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Least time between two progress lines of one scenario when nothing can be redrawn.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(30);

    readonly IAnsiConsole console;
    readonly int total;
    readonly Func<TimeSpan> clock;
    TimeSpan lastShown;
    bool messageShown;
    string? pendingMessage;
    string scenarioLine = "";
    int finished;

    /// <summary>Creates the display.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="total">How many scenarios the run has.</param>
    /// <param name="live">True to keep one live line (a terminal); false to log throttled lines (CI, pipes).</param>
    /// <param name="clock">Elapsed time source (a stopwatch by default; tests pass their own).</param>
    public ProgressDisplay(IAnsiConsole console, int total, bool live, Func<TimeSpan>? clock = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        this.console = console;
        this.total = total;
        Live = live;
        if (clock is null)
        {
            var stopwatch = Stopwatch.StartNew();
            clock = () => stopwatch.Elapsed;
        }

        this.clock = clock;
    }

    /// <summary>True when the display keeps one live line.</summary>
    public bool Live { get; }

    /// <summary>Where the live line goes (set by <see cref="RunAsync{T}"/> to the status display; tests set their own).</summary>
    internal Action<string>? LiveLine { get; set; }

    /// <summary>True when <paramref name="console"/> is an interactive terminal and $CI is not set ("true", "1" or anything but "false"/"0").</summary>
    /// <param name="console">The console.</param>
    public static bool IsLive(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var ci = Environment.GetEnvironmentVariable("CI");
        var onCi = !string.IsNullOrEmpty(ci) && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);
        return !onCi && !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
    }

    /// <summary>Runs <paramref name="work"/>, handing it <see cref="OnProgress"/>; on a live display, inside a status line.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="work">The run, given the progress callback.</param>
    public async Task<T> RunAsync<T>(Func<Action<RunProgress>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Live)
        {
            return await work(OnProgress);
        }

        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", async context =>
        {
            LiveLine = text => context.Status(text);
            try
            {
                return await work(OnProgress);
            }
            finally
            {
                LiveLine = null;
            }
        });
    }

    /// <summary>Handles one event (pass this method as <see cref="RunOptions.Progress"/>).</summary>
    /// <param name="progress">The event.</param>
    public void OnProgress(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        switch (progress.Kind)
        {
            case RunProgressKind.ScenarioStarted:
                scenarioLine = $"[[{finished + 1}/{total}]] {Markup.Escape(progress.Scenario.DisplayName)}";
                messageShown = false;
                pendingMessage = null;
                if (Live)
                {
                    LiveLine?.Invoke(Fit(scenarioLine + " …"));
                    lastShown = clock();
                }
                else
                {
                    console.MarkupLine($"[grey]{scenarioLine} …[/]");
                }

                break;
            case RunProgressKind.Message:
                Message(progress.Message ?? "");
                break;
            case RunProgressKind.ScenarioFinished:
                finished++;
                if (!Live && pendingMessage is not null)
                {
                    console.MarkupLine($"[grey]      {Markup.Escape(pendingMessage)}[/]");
                }

                pendingMessage = null;
                var result = progress.Result!;
                var colour = result.Status switch
                {
                    StepStatus.Passed => "green",
                    StepStatus.Skipped => "blue",
                    _ => "red",
                };
                var reason = ScenarioProblem.FirstLine(result) is { } problem ? ": " + problem : "";
                var prefix = Live ? $"[grey][[{finished}/{total}]][/] " : "  ";
                console.MarkupLine($"{prefix}[{colour}]{StatusText.Symbol(result.Status)} {StatusText.Name(result.Status)}[/] {Markup.Escape(Live ? progress.Scenario.DisplayName : progress.Scenario.Title)} [grey]({StatusText.Milliseconds(result.Duration)})[/]{Markup.Escape(reason)}");
                break;
        }
    }

    void Message(string message)
    {
        var now = clock();
        var due = !messageShown || now - lastShown >= (Live ? LiveInterval : LogInterval);
        if (!due)
        {
            pendingMessage = message;
            return;
        }

        if (Live)
        {
            LiveLine?.Invoke(Fit($"{scenarioLine} [grey]· {Markup.Escape(message)}[/]"));
        }
        else
        {
            console.MarkupLine($"[grey]      {Markup.Escape(message)}[/]");
        }

        pendingMessage = null;
        messageShown = true;
        lastShown = now;
    }

    // One line on the terminal: a live line that wraps can no longer be redrawn in place.
    string Fit(string markup)
    {
        var width = Math.Max(20, console.Profile.Width - 4);
        var plain = Markup.Remove(markup);
        return plain.Length <= width ? markup : Markup.Escape(plain[..(width - 1)] + "…");
    }
}
