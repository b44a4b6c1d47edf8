using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Cli.Gate;
using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Models;
using Nvf.Core.Retrieval;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>
/// `nvf evaluate --predictions P.npy --payload … --eval … [--payload-keys …] [--index …] [--train …]`: the seed's
/// epoch-1 auto-evaluation of a researcher's predictions. Runs the plumbing and predictions features on those files
/// through the gate (same reports, same run record), prints the summary table with every row filled, and exits with
/// a code per decision (<see cref="EvaluationVerdict"/>) so a training script can branch on it.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>The features `nvf evaluate` runs.</summary>
    public const string Tags = "@plumbing or @predictions";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var predictions = new Option<string?>("--predictions") { Description = "Your model's predictions, .npy float (M, D): row i = the output for eval row i." };
        var model = new Option<string?>("--model") { Description = "Your model instead: ONNX (.onnx, torch.onnx.export) or TorchScript (.pt, torch.jit.save), contexts (B, 5, D) -> (B, D)." };
        var artifacts = new ArtifactOptions();
        var output = new Option<string?>("--out") { Description = "Folder for the reports and the per-query results (default: artifacts/reports)." };
        var evaluation = new EvaluationOptions();
        var command = new Command("evaluate", "Judge your model's predictions: separation, R@5 through IVF, tier and decision, as the seed's auto-evaluation. Exit code: 0 continue training, 1 another failure, 2 bad input, 3 plumbing failed, 4 train 1-2 more epochs, 5 ANN issue, 6 model issue, 7 pivot to two-tower.")
        {
            predictions, model, output,
        };
        artifacts.AddTo(command);
        evaluation.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var environment = artifacts.Environment(parse);
            var run = new RunChoices(evaluation.Settings(parse), evaluation.Name(parse), evaluation.Labels(parse));
            switch (parse.GetValue(predictions), parse.GetValue(model))
            {
                case ({ } file, null):
                    environment[ResearcherPredictions.Variable] = Repository.ExistingFile(file, "--predictions");
                    break;
                case (null, { } file):
                    environment[ResearcherPredictions.Variable] = PredictionsOf(Repository.ExistingFile(file, "--model"), environment["NVF_EVAL"]);
                    break;
                default:
                    throw new UsageException("give either --predictions P.npy or --model M.onnx|M.pt (one of them).");
            }

            return await Run(environment, parse.GetValue(output), Terminal.Console, run);
        });
        return command;
    }

    /// <summary>Runs the evaluation with the given artifact variables; returns the decision's exit code.</summary>
    /// <param name="environment">NVF_PREDICTIONS, NVF_PAYLOAD, NVF_EVAL and the optional artifact variables.</param>
    /// <param name="output">The report folder, or null.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="choices">The evaluation settings, the run's name and labels (null for the seed's settings, no name).</param>
    public static async Task<int> Run(IReadOnlyDictionary<string, string> environment, string? output, IAnsiConsole console, RunChoices? choices = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // Predictions that cannot answer the eval set are the user's input error too.
        UsageErrorOf(() => ResearcherPredictions.Load(environment[ResearcherPredictions.Variable], CheckArtifacts(environment), environment["NVF_EVAL"]));

        var (_, recording) = await GateRun.RunWithRecordingAsync(new GateRequest(Tags, null, output, environment, CompareWithBaseline: false)
        {
            Evaluation = choices?.Settings,
            Name = choices?.Name,
            Labels = choices?.Labels ?? [],
        }, console);
        // The Answers the gate printed first hold every row of the seed's summary table; the verdict is the decision's.
        var (code, why) = EvaluationVerdict.Of(recording.Record);
        console.MarkupLine($"[bold]verdict[/] (exit {code}): {Markup.Escape(why)}");
        return code;
    }

    /// <summary>
    /// Reads and checks the payload, eval set, key map, training set and index the environment names, throwing
    /// <see cref="UsageException"/> (exit 2, one line naming the file) when they cannot be judged or do not fit together (a
    /// key map short of the payload, an eval set of another width, a NaN, an index FAISS cannot read): before a run,
    /// not as ten failed scenarios and "plumbing failed"; before `nvf watch` waits, not after a training's first epoch.
    /// </summary>
    /// <returns>The eval set.</returns>
    public static Core.Data.EvalSet CheckArtifacts(IReadOnlyDictionary<string, string> environment) => UsageErrorOf(() =>
    {
        var sources = ArtifactSources.FromEnvironment(name => environment.GetValueOrDefault(name))
            ?? throw new UsageException("no payload and eval set given; expected --payload P.npy --eval E.npz --payload-keys K.npy.");
        var contextLength = InfoNceRunConfig.Load(ConfigDirectory.PathOf(SanityCommand.DefaultConfig)).Data.ContextLength;
        return FileGateData.Check(sources, contextLength);
    });

    // An unusable input file, as the user's error.
    static T UsageErrorOf<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (ArtifactException.IsInputError(e) || e is ConfigException)
        {
            throw new UsageException(e.Message, e);
        }
    }

    // Runs the model over the eval contexts once, here, and hands its predictions file to the features.
    static string PredictionsOf(string modelPath, string evalPath) => UsageErrorOf(() =>
        ContextModelFile.WritePredictions(modelPath, Core.Data.EvalSet.Load(evalPath), Path.Combine(Repository.Root, InfoNceRun.OutputFolder), new Core.Training.SynchronousProgress<string>(line => Terminal.Console.MarkupLine($"[grey]{Markup.Escape(line)}[/]"))));
}

/// <summary>What a researcher chose for an evaluation run: the settings, the run's name and labels.</summary>
/// <param name="Settings">How the predictions are evaluated.</param>
/// <param name="Name">The run's name, or null.</param>
/// <param name="Labels">The run's labels.</param>
public sealed record RunChoices(EvaluationSettings Settings, string? Name, IReadOnlyList<string> Labels);
