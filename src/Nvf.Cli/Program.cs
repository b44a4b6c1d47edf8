using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Cli.Commands;

namespace Nvf.Cli;

/// <summary>The `nvf` command line: the same services as the steps, plus argument parsing and progress.</summary>
public static class Program
{
    /// <summary>Entry point; exit codes: 0 pass, 1 gate failed or environment broken, 2 usage or input error.</summary>
    public static int Main(string[] args)
    {
        // One line per command; each command lives in Commands/<Name>Command.cs.
        var root = new RootCommand("Nvf.Specs: the research gate for the Neural Vector Field work.")
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
