using Spectre.Console;

namespace Nvf.Cli.CommandLine;

/// <summary>
/// The console `nvf` writes to. When output is redirected (CI logs, pipes) Spectre assumes 80 columns and
/// wraps every table; $COLUMNS, when set, gives the width instead.
/// </summary>
public static class Terminal
{
    /// <summary>The console, sized from $COLUMNS when output is redirected and the variable holds a width.</summary>
    public static IAnsiConsole Console
    {
        get
        {
            var console = AnsiConsole.Console;
            if (System.Console.IsOutputRedirected && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
            {
                console.Profile.Width = columns;
            }

            return console;
        }
    }
}
