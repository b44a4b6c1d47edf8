using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Cli.Commands;

namespace Nvf.Cli;

/// <summary>The `nvf` command line: the same services as the steps, plus argument parsing and progress.</summary>
public static class Program
{
    /// <summary>Entry point; exit codes: <see cref="ExitCodes.Table"/> (0 pass, 1 fail, 2 usage or input error, 3-7 the decision tree).</summary>
    public static int Main(string[] args)
    {
        // One line per command; each command lives in Commands/<Name>Command.cs.
        var root = new RootCommand("Nvf.Specs: the research gate for the Neural Vector Field work. " + ExitCodes.Describe())
        {
            DoctorCommand.Create(),
            GateCommand.Create(),
            ReportCommand.Create(),
            BaselineCommand.Create(),
            HistoryCommand.Create(),
            CompareCommand.Create(),
            RescoreCommand.Create(),
            EvaluateCommand.Create(),
            EvaluatePipelineCommand.Create(),
            WatchCommand.Create(),
            BenchCommand.Create(),
            SanityCommand.Create(),
        };
        return CliHost.Invoke(root, args);
    }
}
