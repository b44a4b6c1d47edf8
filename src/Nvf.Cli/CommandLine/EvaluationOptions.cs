using System.CommandLine;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;

namespace Nvf.Cli.CommandLine;

/// <summary>
/// The evaluation a researcher controls, and the run's name and labels: `--nprobe`, `--k`, `--flat`, `--negatives`,
/// `--batch-size`, `--nprobe-sweep`, `--config FILE` (the same settings as JSON; options given beside it win), `--name`, `--tag`.
/// </summary>
public sealed class EvaluationOptions
{
    readonly Option<int?> nprobe = new("--nprobe") { Description = "IVF lists probed (default: the run config's 64, the seed's)." };
    readonly Option<string?> ks = new("--k") { Description = "Cut-offs of R@k, Contain@k, MRR@k and nDCG@k, comma-separated (default 1,5,10,50)." };
    readonly Option<bool> flat = new("--flat") { Description = "Run the flat-index ablation whatever the decision (R@5 on exact search beside IVF)." };
    readonly Option<string?> negatives = new("--negatives") { Description = "Separation negatives: in-batch (consecutive blocks of the eval file, as the seed; default) or random (blocks of a seeded permutation)." };
    readonly Option<int?> batchSize = new("--batch-size") { Description = "The batch the negatives come from (default 1024, the seed's)." };
    readonly Option<bool> sweep = new("--nprobe-sweep") { Description = "Also measure R@5 and the time per query at nprobe 1, 2, 4, ..., 64." };
    readonly Option<string?> config = new("--config") { Description = "A JSON file of these settings: nprobe, k, flat, negatives, batchSize, nprobeSweep, seed (options given here win)." };
    readonly Option<string?> name = new("--name") { Description = "A name for the run (shown by nvf history)." };
    readonly Option<string[]> tags = new("--tag") { Description = "A label for the run, e.g. the training it belongs to (repeatable).", AllowMultipleArgumentsPerToken = false };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { nprobe, ks, flat, negatives, batchSize, sweep, config, name, tags })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The settings the options give; a bad value is a usage error naming the option and what is expected.</summary>
    /// <param name="parse">The parsed command line.</param>
    public EvaluationSettings Settings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            var settings = parse.GetValue(config) is { } file ? EvaluationSettings.Load(Repository.ExistingFile(file, "--config")) : EvaluationSettings.SeedDefaults;
            if (parse.GetValue(nprobe) is { } n)
                settings = settings with { Nprobe = n };
            if (parse.GetValue(ks) is { } text)
                settings = settings with { Ks = EvaluationSettings.ParseKs(text) };
            if (parse.GetValue(flat))
                settings = settings with { ForceFlat = true };
            if (parse.GetValue(negatives) is { } drawn)
                settings = settings with { Negatives = EvaluationSettings.ParseNegatives(drawn) };
            if (parse.GetValue(batchSize) is { } size)
                settings = settings with { BatchSize = size };
            if (parse.GetValue(sweep))
                settings = settings with { NprobeSweep = true };
            return settings.Validated();
        }
        catch (Exception e) when (e is ArgumentException or ConfigException)
        {
            throw new UsageException(e.Message.StartsWith("--", StringComparison.Ordinal) || e is ConfigException ? e.Message : "--" + e.Message, e);
        }
    }

    /// <summary>The run's name, or null.</summary>
    /// <param name="parse">The parsed command line.</param>
    public string? Name(ParseResult parse) => parse.GetValue(name);

    /// <summary>The run's labels.</summary>
    /// <param name="parse">The parsed command line.</param>
    public IReadOnlyList<string> Labels(ParseResult parse) => parse.GetValue(tags) ?? [];
}
