using System.CommandLine;
using System.Globalization;
using Nvf.Cli.CommandLine;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>
/// `nvf rescore FILE [--k 1,5,10,50]`: every retrieval metric recomputed from a run's per-query results alone (R@k, Contain@k,
/// MRR@k, nDCG@k with 95% intervals), at the cut-offs of the run or new ones up to the lists' length.
/// </summary>
public static class RescoreCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A per-query results file (<predictions>.per-query.jsonl, beside the reports and in the run folder)." };
        var ks = new Option<string?>("--k") { Description = "Cut-offs, comma-separated (default: the run's)." };
        var command = new Command("rescore", "Recompute R@k, Contain@k, MRR@k and nDCG@k from a run's per-query results.") { file, ks };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(ks), Terminal.Console));
        return command;
    }

    static int Run(string file, string? ksText, IAnsiConsole console)
    {
        PerQueryResults results;
        IReadOnlyList<RetrievalScore> scores;
        try
        {
            results = PerQueryResults.Read(Repository.ExistingFile(file, "rescore"));
            scores = results.Score(ksText is null ? results.Header.Ks.Where(k => k <= results.Header.TopK).ToList() : EvaluationSettings.ParseKs(ksText));
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new UsageException(e.Message, e);
        }

        var h = results.Header;
        var table = new Spectre.Console.Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{Path.GetFileName(h.Predictions)}{(h.Model is null ? "" : $" ({h.Model}, epoch {h.Epoch})")}: {h.Rows:N0} queries, {h.Index}, top {h.TopK}"))
            .AddColumns("k", "R@k", "Contain@k", "MRR@k", "nDCG@k");
        foreach (var s in scores)
        {
            table.AddRow(s.K.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Recall.ToString()), Markup.Escape(s.Contain.ToString()), Markup.Escape(s.Mrr.ToString()), Markup.Escape(s.Ndcg.ToString()));
        }

        console.Write(table);
        var cosine = results.Rows.Average(r => r.Cosine);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"mean cosine of the predictions with their truth: {cosine:F4}; predictions SHA-256 {h.PredictionsSha256[..Math.Min(12, h.PredictionsSha256.Length)]}…")));
        return ExitCodes.Passed;
    }
}
