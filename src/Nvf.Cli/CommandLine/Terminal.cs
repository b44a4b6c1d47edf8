using Spectre.Console;

namespace Nvf.Cli.CommandLine;

/// <summary>
/// The console `nvf` writes to. On a terminal: colour and live redraws, unless NO_COLOR is set (no-color.org).
/// Redirected (CI logs, pipes, files): no escape codes at all, neither colour nor bold, and a width from $COLUMNS
/// (else <see cref="LogWidth"/>), since Spectre would assume 80 columns and wrap every table mid-word.
/// </summary>
public static class Terminal
{
    /// <summary>Columns assumed for redirected output when $COLUMNS is unset: wide enough that a scenario line or a metric row stays one line in a CI log.</summary>
    public const int LogWidth = 160;

    static readonly Lazy<IAnsiConsole> Shared = new(Create);

    /// <summary>The console (one per process).</summary>
    public static IAnsiConsole Console => Shared.Value;

    static IAnsiConsole Create()
    {
        var redirected = System.Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (redirected)
        {
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : LogWidth;
        }

        return console;
    }
}
