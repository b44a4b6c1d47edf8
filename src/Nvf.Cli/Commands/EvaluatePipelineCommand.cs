using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Cli.Gate;
using Nvf.Core.Artifacts;
using Nvf.Core.Pipeline;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>
/// `nvf evaluate-pipeline --attention A --reranker R --database D.npy --queries Q.npy --labels L.npy`: the NVF Phase 2
/// targets judged on a researcher's own soft attention and reranker (ONNX or TorchScript) and their database. Runs
/// researcher_models.feature through the gate (same reports, same run record, no baseline comparison); exit 0 when
/// every target is met, 1 when one is missed or unreachable, 2 for a usage or input error.
/// </summary>
public static class EvaluatePipelineCommand
{
    /// <summary>The feature `nvf evaluate-pipeline` runs.</summary>
    public const string Tags = "@researcher-models";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var attention = new Option<string>("--attention") { Description = "Your soft attention model, ONNX or TorchScript: queries (B, D) -> logits (B, N) over the database.", Required = true };
        var reranker = new Option<string>("--reranker") { Description = "Your reranker, ONNX or TorchScript: queries (B, D), Top-5 candidates (B, 5, D) [, their logits (B, 5)] -> scores (B, 5).", Required = true };
        var database = new Option<string>("--database") { Description = "The database, .npy float (N, D).", Required = true };
        var queries = new Option<string>("--queries") { Description = "Evaluation queries, .npy float (Q, D).", Required = true };
        var labels = new Option<string>("--labels") { Description = "The database row each query should find, .npy int (Q).", Required = true };
        var output = new Option<string?>("--out") { Description = "Folder for the reports (default: artifacts/reports)." };
        var command = new Command("evaluate-pipeline", "Judge your NVF soft attention and reranker on your database: pipeline Top-1/Top-5 beside the control and the oracle ceiling. Exit 0 targets met, 1 not.")
        {
            attention, reranker, database, queries, labels, output,
        };
        command.SetAction(async (parse, _) =>
        {
            var environment = new Dictionary<string, string>
            {
                [ResearcherPipeline.DatabaseVariable] = Repository.ExistingFile(parse.GetValue(database)!, "--database"),
                [ResearcherPipeline.QueriesVariable] = Repository.ExistingFile(parse.GetValue(queries)!, "--queries"),
                [ResearcherPipeline.LabelsVariable] = Repository.ExistingFile(parse.GetValue(labels)!, "--labels"),
                [AttentionModelFile.Variable] = Repository.ExistingFile(parse.GetValue(attention)!, "--attention"),
                [RerankerModelFile.Variable] = Repository.ExistingFile(parse.GetValue(reranker)!, "--reranker"),
            };
            return await Run(environment, parse.GetValue(output), Terminal.Console);
        });
        return command;
    }

    /// <summary>Checks the files fit together, then runs the feature; returns 0 when every target is met.</summary>
    /// <param name="environment">The five pipeline variables.</param>
    /// <param name="output">The report folder, or null.</param>
    /// <param name="console">Where to write.</param>
    public static async Task<int> Run(IReadOnlyDictionary<string, string> environment, string? output, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            // Files that do not fit together are the user's input error: say so before any model runs (headers and
            // labels only: the vectors are read once, by the feature).
            _ = Repository.Root; // outside a checkout this fails now, not after the models were loaded
            ResearcherPipeline.Check(environment[ResearcherPipeline.DatabaseVariable], environment[ResearcherPipeline.QueriesVariable], environment[ResearcherPipeline.LabelsVariable]);
            using var attention = new AttentionModelFile(environment[AttentionModelFile.Variable]);
            using var reranker = new RerankerModelFile(environment[RerankerModelFile.Variable]);
            console.MarkupLine($"[grey]{Markup.Escape(attention.Description)}; {Markup.Escape(reranker.Description)}[/]");
        }
        catch (Exception e) when (ArtifactException.IsInputError(e))
        {
            throw new UsageException(e.Message, e);
        }

        var (code, _) = await GateRun.RunWithRecordingAsync(new GateRequest(Tags, null, output, environment, CompareWithBaseline: false), console);
        console.MarkupLine(code == ExitCodes.Passed
            ? "[bold]verdict[/] (exit 0): every target met"
            : "[bold]verdict[/] (exit 1): a target was missed or is unreachable; the report names each target, the measured figure and the oracle ceiling");
        return code == ExitCodes.Passed ? ExitCodes.Passed : ExitCodes.Failed;
    }
}
