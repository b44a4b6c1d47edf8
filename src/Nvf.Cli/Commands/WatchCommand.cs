using System.CommandLine;
using System.Globalization;
using Nvf.Cli.CommandLine;
using Nvf.Core.InfoNce;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>
/// `nvf watch DIR --payload … --eval … [--epochs N]`: the seed's "monitor for epoch completion" loop. Waits for each
/// new predictions file (*.npy) in a training run's folder to be complete, evaluates it exactly once as `nvf
/// evaluate` does (recorded in the run history, so the report's trends show R@5 and Δ epoch by epoch), prints the
/// decision, and goes on until Ctrl-C or N evaluations. Exit code: the last evaluation's (<see cref="Gate.EvaluationVerdict"/>).
/// </summary>
public static class WatchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The training run's folder, where each epoch's predictions .npy appears." };
        var artifacts = new ArtifactOptions();
        var epochs = new Option<int?>("--epochs") { Description = "Stop after this many evaluations (default: until Ctrl-C)." };
        var interval = new Option<double>("--interval") { Description = "Seconds between looks at the folder.", DefaultValueFactory = _ => 2 };
        var settle = new Option<double>("--settle") { Description = "Seconds a file's size must hold still before it is read.", DefaultValueFactory = _ => 2 };
        var command = new Command("watch", "Evaluate each epoch's predictions file as it appears in a training run's folder; print each decision.")
        {
            folder, epochs, interval, settle,
        };
        artifacts.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(folder)!);
            if (!Directory.Exists(dir))
            {
                throw new UsageException($"{parse.GetValue(folder)}: no such folder; expected the training run's output folder.");
            }

            if (parse.GetValue(epochs) is < 1 || parse.GetValue(interval) <= 0 || parse.GetValue(settle) < 0)
            {
                throw new UsageException("--epochs must be >= 1, --interval > 0 and --settle >= 0 seconds.");
            }

            return await Watch(dir, artifacts.Environment(parse), parse.GetValue(epochs), TimeSpan.FromSeconds(parse.GetValue(interval)), TimeSpan.FromSeconds(parse.GetValue(settle)), Terminal.Console, cancel);
        });
        return command;
    }

    static async Task<int> Watch(string folder, Dictionary<string, string> environment, int? epochs, TimeSpan interval, TimeSpan settle, IAnsiConsole console, CancellationToken cancel)
    {
        var watcher = new EpochFileWatcher(folder, settle);
        var evaluated = 0;
        var last = ExitCodes.Passed;
        console.MarkupLine($"[bold]nvf watch[/]: waiting for predictions files (*.npy) in {Markup.Escape(folder)}{(epochs is { } n ? $", {n} evaluation(s)" : ", until Ctrl-C")}");
        while (!cancel.IsCancellationRequested && (epochs is null || evaluated < epochs))
        {
            foreach (var file in watcher.Poll(line => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]")))
            {
                var epoch = EpochFileWatcher.EpochOf(file);
                console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(file))}[/]{(epoch is { } e ? string.Create(CultureInfo.InvariantCulture, $" (epoch {e})") : "")}: complete, evaluating");
                environment[ResearcherPredictions.Variable] = file;
                try
                {
                    last = await EvaluateCommand.Run(environment, null, console);
                }
                catch (UsageException problem)
                {
                    // One bad file (wrong shape) must not end the watch: say so and wait for the next epoch.
                    console.MarkupLine($"[red]{Markup.Escape(Path.GetFileName(file))}: not evaluated:[/] {Markup.Escape(problem.Message)}");
                    last = ExitCodes.UsageError;
                }

                evaluated++;
                if (epochs is { } limit && evaluated >= limit)
                {
                    break;
                }
            }

            try
            {
                await Task.Delay(interval, cancel);
            }
            catch (TaskCanceledException)
            {
                break;
            }
        }

        console.MarkupLine($"nvf watch: {evaluated} file(s) evaluated; last exit code {last}");
        return last;
    }
}
