using System.CommandLine;
using Nvf.Cli.CommandLine;
using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Plumbing;
using Nvf.Core.Retrieval;
using Nvf.Faiss;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>
/// `nvf sanity --payload FILE.npy --eval FILE.npz --payload-keys FILE.npy [--index FILE.faiss]`: the plumbing
/// checks of the InfoNCE gate (oracle recall, normalization, eval alignment, provenance) on a researcher's own
/// artifacts, through the same services as features/infonce/plumbing.feature, printed as the seed's summary table.
/// </summary>
public static class SanityCommand
{
    /// <summary>The run config that supplies nprobe, query counts, seeds and the context length.</summary>
    public const string DefaultConfig = "infonce-generated.json";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var payload = new Option<string>("--payload") { Description = "Payload vectors, .npy float (N, D).", Required = true };
        var eval = new Option<string>("--eval") { Description = "Eval set, .npz with contexts (M, 5, D), targets (M, D), truth_keys (M, 2).", Required = true };
        var keys = new Option<string?>("--payload-keys") { Description = "Key map .npy int (N, 2): the (article, chunk) of each payload row, to find payload[truth_key]." };
        var index = new Option<string?>("--index") { Description = "A .faiss index over the payload (ids = rows); default: build IVF-Flat here." };
        var config = new Option<string?>("--config") { Description = $"An InfoNCE run config (default: fixtures/configs/{DefaultConfig}) for nprobe, query counts and seeds." };
        var command = new Command("sanity", "Run the plumbing checks (oracle recall, normalization, eval alignment) on your own artifacts and print the seed's summary table.")
        {
            payload, eval, keys, index, config,
        };
        command.SetAction(parse => Run(
            new ArtifactSources(
                Repository.ExistingFile(parse.GetValue(payload)!, "--payload"),
                Repository.ExistingFile(parse.GetValue(eval)!, "--eval"),
                parse.GetValue(index) is { } i ? Repository.ExistingFile(i, "--index") : null,
                parse.GetValue(keys) is { } k ? Repository.ExistingFile(k, "--payload-keys") : null,
                null,
                "command line"),
            parse.GetValue(config),
            Terminal.Console));
        return command;
    }

    static int Run(ArtifactSources sources, string? configPath, IAnsiConsole console)
    {
        InfoNceRunConfig config;
        GateData data;
        try
        {
            config = InfoNceRunConfig.Load(configPath is null ? ConfigDirectory.PathOf(DefaultConfig) : Repository.ExistingFile(configPath, "--config"));
            data = FileGateData.Load(sources, config.Data.ContextLength);
        }
        catch (Exception e) when (ArtifactException.IsInputError(e) || e is ConfigException)
        {
            throw new UsageException(e.Message, e);
        }

        using var session = new InfoNceSession(data, config.Retrieval);
        console.MarkupLine($"[bold]nvf sanity[/]: {Markup.Escape(data.Source)}");
        if (session.ReducedSamplesNote() is { } note)
        {
            console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}.");
        }

        NormalizationCheckResult normalization = null!;
        OracleRecallCheckResult oracle = null!;
        EvalAlignmentCheckResult alignment = null!;
        console.Status().Start("normalization", context =>
        {
            normalization = session.Normalization();
            context.Status($"oracle recall: {session.OracleQueryCount} payload vectors as their own queries, nprobe {config.Retrieval.Nprobe}");
            oracle = session.OracleRecall(OracleIndexVariant.Payload);
            context.Status("eval alignment");
            alignment = session.Alignment();
        });

        var table = new Spectre.Console.Table().Border(TableBorder.Rounded).Title("Summary (pure-infonce-sanity-report.md)").AddColumns(SanitySummary.Headers.ToArray());
        var rows = SanitySummary.Build(normalization, oracle, alignment, (AutoEvaluationReport?)null, config.Retrieval.Nprobe);
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Check), Markup.Escape(row.Result), Markup.Escape(row.Status));
        }

        console.Write(table);
        var failures = normalization.Outcome.Failures.Concat(oracle.Outcome.Failures).Concat(alignment.Outcome.Failures).ToList();
        failures.ForEach(f => console.MarkupLine($"[red]✗[/] {Markup.Escape(f)}"));
        console.MarkupLine($"index: {Markup.Escape(session.IndexDescription)}; eval provenance: {Markup.Escape(session.Provenance().File.Sha256)} ({Markup.Escape(Path.GetFileName(data.EvalFile))})");
        console.MarkupLine("Training rows stay pending here: run [bold]nvf gate --tags @infonce[/] with NVF_PAYLOAD/NVF_EVAL/NVF_PAYLOAD_KEYS/NVF_TRAIN set for them.");
        return failures.Count == 0 ? ExitCodes.Passed : ExitCodes.PlumbingFailed;
    }
}
