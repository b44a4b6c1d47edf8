using Spectre.Console;

namespace Nvf.Cli.CommandLine;

/// <summary>
/// The console `nvf` writes to. When output is redirected (CI logs, pipes) Spectre assumes 80 columns and
/// wraps every progress line and table mid-word; there $COLUMNS gives the width, else <see cref="LogWidth"/>.
/// </summary>
public static class Terminal
{
    /// <summary>Columns assumed for redirected output when $COLUMNS is unset: wide enough that a scenario line or a metric row stays one line in a CI log.</summary>
    public const int LogWidth = 160;

    /// <summary>The console, sized from $COLUMNS (else <see cref="LogWidth"/>) when output is redirected.</summary>
    public static IAnsiConsole Console
    {
        get
        {
            var console = AnsiConsole.Console;
            if (System.Console.IsOutputRedirected)
            {
                console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : LogWidth;
            }

            return console;
        }
    }
}
