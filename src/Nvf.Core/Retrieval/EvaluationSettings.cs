using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Metrics;

namespace Nvf.Core.Retrieval;

/// <summary>How the in-batch negatives of the separation are drawn.</summary>
public enum NegativeSampling
{
    /// <summary>Consecutive blocks of the eval file, as the seed trains (an eval file sorted by article makes neighbouring chunks negatives).</summary>
    InBatch,

    /// <summary>Blocks of a seeded random permutation of the eval rows (negatives from unrelated articles).</summary>
    Random,
}

/// <summary>
/// The evaluation a researcher controls (`nvf evaluate --nprobe --k --flat --negatives --batch-size --nprobe-sweep`, or a
/// JSON file given with --config): the seed's settings by default.
/// </summary>
/// <param name="Nprobe">IVF lists probed, or null for the run config's (the seed's 64).</param>
/// <param name="Ks">The cut-offs of R@k, Contain@k, MRR@k and nDCG@k, or null for 1, 5, 10, 50.</param>
/// <param name="ForceFlat">Run the flat-index ablation whatever the decision.</param>
/// <param name="Negatives">How the separation's negatives are drawn.</param>
/// <param name="BatchSize">The batch the negatives come from (the seed's 1,024).</param>
/// <param name="NprobeSweep">Also measure R@5 and the time per query at nprobe 1, 2, 4, …, 64.</param>
/// <param name="Seed">The seed of the random negatives.</param>
public sealed record EvaluationSettings(
    int? Nprobe = null,
    IReadOnlyList<int>? Ks = null,
    bool ForceFlat = false,
    NegativeSampling Negatives = NegativeSampling.InBatch,
    int BatchSize = SeparationReport.SeedBatchSize,
    bool NprobeSweep = false,
    ulong Seed = 20251027)
{
    /// <summary>The seed's evaluation.</summary>
    public static EvaluationSettings SeedDefaults { get; } = new();

    /// <summary>The cut-offs in use.</summary>
    public IReadOnlyList<int> Cutoffs => Ks ?? PerQueryResults.DefaultKs;

    /// <summary>The longest list any cut-off needs, at least <paramref name="topK"/>.</summary>
    /// <param name="topK">The run config's top-k.</param>
    public int ListLength(int topK) => Math.Max(topK, Cutoffs.Max());

    /// <summary>Checks the values; an <see cref="ArgumentException"/> names the setting and what is expected.</summary>
    public EvaluationSettings Validated()
    {
        if (Nprobe is < 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"nprobe {Nprobe}: expected a number of IVF lists >= 1"));
        if (Cutoffs.Count == 0 || Cutoffs.Any(k => k < 1 || k > 1000))
            throw new ArgumentException($"k {string.Join(",", Cutoffs)}: expected cut-offs between 1 and 1000, e.g. 1,5,10,50");
        if (BatchSize < 2)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"batch size {BatchSize}: expected at least 2 (negatives come from the batch)"));
        return this;
    }

    /// <summary>"k 1,5,10,50" style cut-offs from text; an <see cref="ArgumentException"/> says what is expected.</summary>
    /// <param name="text">Comma-separated positive integers.</param>
    public static IReadOnlyList<int> ParseKs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ks = new List<int>();
        foreach (var part in parts)
        {
            ks.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 1
                ? k
                : throw new ArgumentException($"--k {text}: '{part}' is not a cut-off; expected positive integers, comma-separated, e.g. 1,5,10,50"));
        }

        return ks.Count > 0 ? ks.Distinct().Order().ToList() : throw new ArgumentException($"--k {text}: expected positive integers, comma-separated, e.g. 1,5,10,50");
    }

    /// <summary>
    /// Reads settings from a commented JSON file, every field optional: nprobe, k ("1,5,10,50"), flat, negatives ("in-batch" or
    /// "random"), batchSize, nprobeSweep, seed. A <see cref="ConfigException"/> names the file, the field and what is expected.
    /// </summary>
    /// <param name="path">The file.</param>
    public static EvaluationSettings Load(string path)
    {
        var config = ConfigReader.Open(path);
        try
        {
            var settings = new EvaluationSettings(
                config.Has("nprobe") ? config.Int("nprobe", 1) : null,
                config.Has("k") ? ParseKs(config.String("k")) : null,
                config.Has("flat") && config.Bool("flat"),
                config.Has("negatives") ? ParseNegatives(config.String("negatives")) : NegativeSampling.InBatch,
                config.Has("batchSize") ? config.Int("batchSize", 2) : SeparationReport.SeedBatchSize,
                config.Has("nprobeSweep") && config.Bool("nprobeSweep"),
                config.Has("seed") ? config.Seed("seed") : SeedDefaults.Seed);
            config.RejectUnknownFields();
            return settings.Validated();
        }
        catch (ArgumentException e)
        {
            throw new ConfigException($"{config.File}: {e.Message}", e);
        }
    }

    /// <summary>"in-batch" or "random".</summary>
    /// <param name="text">The text.</param>
    public static NegativeSampling ParseNegatives(string text) => text switch
    {
        "in-batch" => NegativeSampling.InBatch,
        "random" => NegativeSampling.Random,
        _ => throw new ArgumentException($"negatives '{text}': expected \"in-batch\" (consecutive blocks of the eval file, as the seed) or \"random\" (blocks of a seeded permutation)"),
    };

    /// <summary>One line for the report: "nprobe 64, k 1,5,10,50, negatives in-batch of 1,024, flat when the tree asks".</summary>
    /// <param name="runNprobe">The run config's nprobe.</param>
    public string Describe(int runNprobe) => string.Create(CultureInfo.InvariantCulture,
        $"nprobe {Nprobe ?? runNprobe}{(Nprobe is null ? " (the run config's)" : "")}, k {string.Join(",", Cutoffs)}, negatives {(Negatives == NegativeSampling.InBatch ? "in-batch" : "random")} of {BatchSize:N0}, flat {(ForceFlat ? "always" : "when the tree asks")}{(NprobeSweep ? ", nprobe sweep" : "")}");
}
