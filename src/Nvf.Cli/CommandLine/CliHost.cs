using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text.Json;
using Nvf.Core.Baselines;
using Nvf.Core.History;

namespace Nvf.Cli.CommandLine;

/// <summary>
/// Runs the parsed command line and turns every error a user can cause into one line on stderr and exit
/// code 2 (never a stack trace): parse errors, <see cref="UsageException"/>, missing files, unknown runs,
/// unreadable baselines. Anything else is a bug or a broken environment: one line and exit code 1.
/// </summary>
public static class CliHost
{
    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the chosen command.</summary>
    /// <param name="root">The root command with every sub-command.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Invoke(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        // No response files: tag expressions start with '@', which would otherwise name a file to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            return Fail(ExitCodes.UsageError, $"{string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))} (see `{string.Join(' ', CommandPath(parse).Prepend("nvf"))} --help`)");
        }

        // Signals are the host's, not System.CommandLine's (its handler throws on a second Ctrl-C): a command that takes a
        // cancellation token stops at its next safe point on the first signal; anything else, and a second signal, end
        // the process as the runtime does (exit 130), without a stack trace.
        using var signals = new TerminationSignals(parse.CommandResult.Command.Action is AsynchronousCommandLineAction);
        try
        {
            var code = parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, signals.Token)
                .GetAwaiter().GetResult();
            return signals.Requested ? ExitCodes.Interrupted : code;
        }
        catch (OperationCanceledException) when (signals.Requested)
        {
            return Fail(ExitCodes.Interrupted, "stopped");
        }
        catch (Exception e) when (e is UsageException or FileNotFoundException or DirectoryNotFoundException or RunNotFoundException or BaselineFormatException or JsonException)
        {
            return Fail(ExitCodes.UsageError, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(ExitCodes.Failed, $"unexpected {e.GetType().Name}: {e.Message}");
        }
    }

    static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return names;
    }

    static int Fail(int code, string message)
    {
        Console.Error.WriteLine("nvf: " + message.ReplaceLineEndings(" "));
        return code;
    }
}
