using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.History;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;
using Nvf.Faiss;
using Nvf.Files;

namespace Nvf.Core.Retrieval;

/// <summary>One query's retrieval, as kept in a per-query results file.</summary>
/// <param name="Row">The eval row.</param>
/// <param name="Truth">The payload row of its target (the next chunk).</param>
/// <param name="Rank">The truth's 0-based rank in the list, or -1 when it is not in the top k.</param>
/// <param name="ContainRank">The first rank holding the truth or an identical copy of it, or -1.</param>
/// <param name="Cosine">The cosine of the prediction with the truth's target vector.</param>
/// <param name="Ids">The top-k payload rows, best first (-1 for an empty slot).</param>
/// <param name="Scores">Their inner products with the prediction.</param>
public sealed record PerQueryRow(int Row, long Truth, int Rank, int ContainRank, double Cosine, long[] Ids, float[] Scores);

/// <summary>What a per-query results file is about: the first line of the file.</summary>
/// <param name="Format">The layout's name and version ("nvf-per-query/1").</param>
/// <param name="Predictions">The predictions file.</param>
/// <param name="PredictionsSha256">Its SHA-256.</param>
/// <param name="EvalFile">The eval set.</param>
/// <param name="Index">The index searched (kind, nprobe).</param>
/// <param name="TopK">The length of each list.</param>
/// <param name="Ks">The cut-offs the run reported.</param>
/// <param name="Rows">How many query lines follow.</param>
public sealed record PerQueryHeader(string Format, string Predictions, string PredictionsSha256, string EvalFile, string Index, int TopK, IReadOnlyList<int> Ks, int Rows)
{
    /// <summary>The model the predictions record names (python/nvf_predictions.py), or null.</summary>
    public string? Model { get; init; }

    /// <summary>The epoch the predictions are of.</summary>
    public int Epoch { get; init; }

    /// <summary>The checkpoint the predictions record names, or null.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>Its SHA-256, or null.</summary>
    public string? CheckpointSha256 { get; init; }
}

/// <summary>R@k, Contain@k, MRR@k and nDCG@k at one cut-off.</summary>
/// <param name="K">The cut-off.</param>
/// <param name="Recall">R@k: the truth within the first k.</param>
/// <param name="Contain">Contain@k: the truth or an identical copy within the first k.</param>
/// <param name="Mrr">MRR@k.</param>
/// <param name="Ndcg">nDCG@k.</param>
public sealed record RetrievalScore(int K, ProportionEstimate Recall, ProportionEstimate Contain, MeanEstimate Mrr, MeanEstimate Ndcg);

/// <summary>
/// Every eval row's retrieval (the truth's rank, the top-k ids and scores, the cosine to the truth), written beside a run as JSON
/// lines (a header line, then one line per query) so that every metric can be recomputed from the file alone (`nvf rescore`) and
/// two runs compared query by query (`nvf compare`, McNemar on R@5 hits).
/// </summary>
public sealed class PerQueryResults
{
    /// <summary>The layout this version writes and reads.</summary>
    public const string Format = "nvf-per-query/1";

    /// <summary>The default cut-offs: the seed's R@5 and Contain@50, with 1 and 10 beside them.</summary>
    public static IReadOnlyList<int> DefaultKs { get; } = [1, 5, 10, 50];

    /// <summary>The file name of the per-query results of predictions file <paramref name="predictions"/>: "&lt;stem&gt;.per-query.jsonl".</summary>
    /// <param name="predictions">The predictions file.</param>
    public static string FileNameFor(string predictions) => Path.GetFileNameWithoutExtension(predictions) + Suffix;

    /// <summary>How a per-query results file's name ends.</summary>
    public const string Suffix = ".per-query.jsonl";

    // An empty slot (an index that returns fewer than k results, e.g. HNSW) has id -1 and score -Infinity, written as the
    // string "-Infinity" (JSON has no infinity; Python's float() reads the string back).
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    PerQueryResults(PerQueryHeader header, IReadOnlyList<PerQueryRow> rows)
    {
        Header = header;
        Rows = rows;
    }

    /// <summary>The header.</summary>
    public PerQueryHeader Header { get; }

    /// <summary>One row per eval row, in eval order.</summary>
    public IReadOnlyList<PerQueryRow> Rows { get; }

    /// <summary>The per-query results of a search.</summary>
    /// <param name="result">The index's answer to the predictions.</param>
    /// <param name="truthRows">Each query's truth row.</param>
    /// <param name="sameVector">Each query's accepted rows (the truth and its identical copies).</param>
    /// <param name="predictions">The predictions.</param>
    /// <param name="targets">The eval targets.</param>
    /// <param name="header">What the results are about (Rows is set here).</param>
    public static PerQueryResults From(FaissSearchResult result, IReadOnlyList<long> truthRows, IReadOnlyList<IReadOnlySet<long>> sameVector, VectorSet predictions, VectorSet targets, PerQueryHeader header)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(truthRows);
        ArgumentNullException.ThrowIfNull(sameVector);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(header);
        var rows = new PerQueryRow[result.QueryCount];
        for (var q = 0; q < result.QueryCount; q++)
        {
            var ids = result.IdsOf(q).ToArray();
            var containRank = Array.FindIndex(ids, id => id >= 0 && sameVector[q].Contains(id));
            rows[q] = new PerQueryRow(q, truthRows[q], Array.IndexOf(ids, truthRows[q]), containRank, VectorMath.Cosine(predictions.Row(q), targets.Row(q)), ids, result.ScoresOf(q).ToArray());
        }

        return new PerQueryResults(header with { Format = Format, TopK = result.K, Rows = rows.Length }, rows);
    }

    /// <summary>R@k, Contain@k, MRR@k and nDCG@k at each cut-off of <paramref name="ks"/> (each at most the lists' length).</summary>
    /// <param name="ks">The cut-offs.</param>
    public IReadOnlyList<RetrievalScore> Score(IReadOnlyList<int> ks)
    {
        ArgumentNullException.ThrowIfNull(ks);
        var ranks = Rows.Select(r => r.Rank).ToList();
        var contain = Rows.Select(r => r.ContainRank).ToList();
        return ks.Select(k =>
        {
            if (k < 1 || k > Header.TopK)
            {
                throw new ArgumentOutOfRangeException(nameof(ks), k, $"k = {k}; expected 1 <= k <= {Header.TopK} (the lists' length)");
            }

            return new RetrievalScore(k, RankMetrics.RecallAtK(ranks, k), RankMetrics.RecallAtK(contain, k), RankMetrics.MrrAtK(ranks, k), RankMetrics.NdcgAtK(ranks, k));
        }).ToList();
    }

    /// <summary>Writes the file atomically (a header line, then one line per query).</summary>
    /// <param name="path">The file.</param>
    public void Write(string path)
    {
        var text = new StringBuilder(JsonSerializer.Serialize(Header, Json)).Append('\n');
        foreach (var row in Rows)
        {
            text.Append(JsonSerializer.Serialize(row, Json)).Append('\n');
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a file <see cref="Write"/> wrote; an <see cref="InvalidDataException"/> names the file, the line and what was expected.</summary>
    /// <param name="path">The file.</param>
    public static PerQueryResults Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such per-query results file; expected the per-query.jsonl a run of `nvf evaluate` leaves beside its reports.", path);
        }

        var lines = File.ReadAllLines(path);
        PerQueryHeader header;
        try
        {
            header = lines.Length == 0 ? throw new JsonException("the file is empty") : JsonSerializer.Deserialize<PerQueryHeader>(lines[0], Json) ?? throw new JsonException("the header is 'null'");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:1: not a per-query header ({e.Message.Split('.')[0]}); expected {{\"format\": \"{Format}\", ...}}.", e);
        }

        if (header.Format != Format)
        {
            throw new InvalidDataException($"{path}:1: format '{header.Format}'; expected '{Format}' (written by another version of nvf).");
        }

        if (lines.Length - 1 != header.Rows)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}: {lines.Length - 1} query lines; the header promises {header.Rows} (a truncated file?)."));
        }

        var rows = new PerQueryRow[header.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            try
            {
                var row = JsonSerializer.Deserialize<PerQueryRow>(lines[i + 1], Json) ?? throw new JsonException("the line is 'null'");
                if (row.Ids is null || row.Scores is null || row.Ids.Length != header.TopK || row.Scores.Length != header.TopK || row.Row != i)
                {
                    throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"expected row {i} with {header.TopK} ids and {header.TopK} scores"));
                }

                rows[i] = row;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 2}: not a per-query line ({e.Message.Split('.')[0]})."), e);
            }
        }

        return new PerQueryResults(header, rows);
    }
}
