using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Cli.Gate;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>`nvf gate [--tags EXPR] [--config FILE] [--out DIR]`: runs the spec suite and judges it.</summary>
public static class GateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var tags = new Option<string?>("--tags") { Description = "Run only scenarios matching this tag expression, e.g. \"@nvf and not @slow\"." };
        var config = new Option<string?>("--config") { Description = "A gate config (commented JSON): features, tags, reportName, environment." };
        var output = new Option<string?>("--out") { Description = "Folder for the reports (default: artifacts/reports)." };
        var command = new Command("gate", "Run the spec suite with live progress, print the verdicts and decision gates, record the run, write the reports. Exit 0 pass, 1 gate failed, 2 usage error.")
        {
            tags, config, output,
        };
        command.SetAction((parse, _) => GateRun.RunAsync(new GateRequest(parse.GetValue(tags), parse.GetValue(config), parse.GetValue(output)), Terminal.Console));
        return command;
    }
}
