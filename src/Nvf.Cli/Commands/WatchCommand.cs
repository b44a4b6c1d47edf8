using System.CommandLine;
using System.Globalization;
using Nvf.Cli.CommandLine;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>
/// `nvf watch DIR --payload … --eval … [--epochs N] [--pattern GLOB] [--export "CMD {checkpoint} {out}"]`: the seed's
/// "monitor for epoch completion" loop. Waits for each new file (predictions, or checkpoints turned into predictions by the
/// researcher's own export command) in a training run's folder to be complete, evaluates it exactly once as `nvf evaluate`
/// does, labelled with the folder's name and the epoch (from the training's history.json, else the file name), prints the
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
        var pattern = new Option<string>("--pattern") { Description = "Which new files to act on (a glob): predictions (default *.npy), or checkpoints with --export (e.g. \"*.pt\").", DefaultValueFactory = _ => "*.npy" };
        var export = new Option<string?>("--export") { Description = "Your command that turns a checkpoint into predictions, run for each new file: {checkpoint} and {out} are replaced by the file and the predictions .npy to write, e.g. \"python3 export.py {checkpoint} {out}\"." };
        var evaluation = new EvaluationOptions();
        var command = new Command("watch", "Evaluate each epoch's predictions (or checkpoint, with --export) as it appears in a training run's folder; print each decision.")
        {
            folder, epochs, interval, settle, pattern, export,
        };
        artifacts.AddTo(command);
        evaluation.AddTo(command);
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

            var exportCommand = parse.GetValue(export);
            if (exportCommand is not null && (!exportCommand.Contains("{checkpoint}", StringComparison.Ordinal) || !exportCommand.Contains("{out}", StringComparison.Ordinal)))
            {
                throw new UsageException($"--export \"{exportCommand}\": expected a command naming both {{checkpoint}} and {{out}}, e.g. \"python3 export.py {{checkpoint}} {{out}}\".");
            }

            var environment = artifacts.Environment(parse);
            // Files that cannot be judged are said now, not when the training's first epoch arrives hours later.
            EvaluateCommand.CheckArtifacts(environment);
            var choices = new RunChoices(evaluation.Settings(parse), evaluation.Name(parse), evaluation.Labels(parse));
            var watch = new WatchPlan(dir, parse.GetValue(pattern)!, exportCommand, parse.GetValue(epochs), TimeSpan.FromSeconds(parse.GetValue(interval)), TimeSpan.FromSeconds(parse.GetValue(settle)), choices);
            return await Watch(watch, environment, Terminal.Console, cancel);
        });
        return command;
    }

    // How to stop a watch without an evaluation count: Ctrl-C, unless this process inherited an ignored SIGINT.
    static string UntilStopped => TerminationSignals.CtrlCIgnored
        ? $", until SIGTERM (kill {Environment.ProcessId}): Ctrl-C is ignored in this process, which was started with SIGINT ignored (e.g. as a background job)"
        : ", until Ctrl-C";

    // What to watch and how: the folder, the files, the researcher's export command, the evaluation's settings and labels.
    sealed record WatchPlan(string Folder, string Pattern, string? Export, int? Epochs, TimeSpan Interval, TimeSpan Settle, RunChoices Choices);

    static async Task<int> Watch(WatchPlan plan, Dictionary<string, string> environment, IAnsiConsole console, CancellationToken cancel)
    {
        var watcher = new EpochFileWatcher(plan.Folder, plan.Settle, pattern: plan.Pattern);
        var evaluated = 0;
        var last = ExitCodes.Passed;
        // Every evaluation of one watch carries the training folder's name as a label: `nvf history --tag` lists its epochs.
        var label = Path.GetFileName(plan.Folder.TrimEnd(Path.DirectorySeparatorChar));
        console.MarkupLine($"[bold]nvf watch[/]: waiting for {Markup.Escape(plan.Pattern)} in {Markup.Escape(plan.Folder)}{(plan.Export is null ? "" : $", each exported by: {Markup.Escape(plan.Export)}")}{(plan.Epochs is { } n ? $", {n} evaluation(s)" : UntilStopped)}");
        while (!cancel.IsCancellationRequested && (plan.Epochs is null || evaluated < plan.Epochs))
        {
            foreach (var file in watcher.Poll(line => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]")))
            {
                // The training's history.json says which epoch it has reached; else the file name does.
                var epoch = EpochFileWatcher.EpochFromHistory(plan.Folder) ?? EpochFileWatcher.EpochOf(file);
                console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(file))}[/]{(epoch is { } e ? string.Create(CultureInfo.InvariantCulture, $" (epoch {e})") : "")}: complete, {(plan.Export is null ? "evaluating" : "exporting")}");
                try
                {
                    environment[ResearcherPredictions.Variable] = plan.Export is null ? file : await Export(plan.Export, file, console, cancel);
                    var choices = plan.Choices with
                    {
                        Name = plan.Choices.Name ?? (epoch is { } at ? string.Create(CultureInfo.InvariantCulture, $"epoch {at}") : Path.GetFileName(file)),
                        Labels = [.. plan.Choices.Labels, label],
                    };
                    last = await EvaluateCommand.Run(environment, null, console, choices);
                }
                catch (UsageException problem)
                {
                    // One bad file (wrong shape, a failed export) must not end the watch: say so and wait for the next epoch.
                    console.MarkupLine($"[red]{Markup.Escape(Path.GetFileName(file))}: not evaluated:[/] {Markup.Escape(problem.Message)}");
                    last = ExitCodes.UsageError;
                }

                evaluated++;
                if (plan.Epochs is { } limit && evaluated >= limit)
                {
                    break;
                }
            }

            try
            {
                await Task.Delay(plan.Interval, cancel);
            }
            catch (TaskCanceledException)
            {
                break;
            }
        }

        console.MarkupLine($"nvf watch: {evaluated} file(s) evaluated; last exit code {last}");
        return last;
    }

    // Runs the researcher's export command for one checkpoint (through /bin/sh, the paths quoted) and returns the predictions
    // it wrote; a command that fails or writes nothing is a usage error naming the checkpoint, the exit code and its last words.
    static async Task<string> Export(string command, string checkpoint, IAnsiConsole console, CancellationToken cancel)
    {
        var folder = Path.Combine(Repository.Root, "artifacts", "watch");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, Path.GetFileNameWithoutExtension(checkpoint) + ".npy");
        File.Delete(output);
        var line = command.Replace("{checkpoint}", Quote(checkpoint), StringComparison.Ordinal).Replace("{out}", Quote(output), StringComparison.Ordinal);
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(checkpoint)! };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(line);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new UsageException($"--export: could not start /bin/sh for {checkpoint}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        foreach (var said in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3))
        {
            console.MarkupLine($"[grey]  export: {Markup.Escape(said)}[/]");
        }

        var error = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        if (process.ExitCode != 0)
        {
            throw new UsageException($"--export exited with {process.ExitCode} for {checkpoint}{(error.Length > 0 ? ": " + error : "")}");
        }

        return File.Exists(output) ? output : throw new UsageException($"--export exited 0 for {checkpoint} but wrote no {output}; expected the command to write predictions (M, D) to {{out}}.");
    }

    static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
