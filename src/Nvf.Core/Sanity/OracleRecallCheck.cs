using System.Globalization;
using Nvf.Core.Data;
using Nvf.Core.Index;
using Nvf.Faiss;

namespace Nvf.Core.Sanity;

/// <summary>
/// The index sanity check (pure-infonce-sanity-report.md, "Oracle Recall"): 1,000 random payload
/// vectors as their own queries, top 50. Passes when R@1 >= 95%, R@5 = 100%, R@50 = 100% (the
/// seed's figures) and no R@1 miss is a fault: a self-query on IVF-Flat probes its own list and
/// scores 1.0, so only an exact duplicate ranked first (a tie) may take rank 1 from it.
/// </summary>
public static class OracleRecallCheck
{
    /// <summary>The seed's oracle R@1: 95.2% observed, 95% required.</summary>
    public const double MinimumRecallAt1 = 0.95;

    /// <summary>Results retrieved per query.</summary>
    public const int TopK = 50;

    /// <summary>
    /// Uses <paramref name="queries"/> random rows of <paramref name="payload"/> (drawn by
    /// <paramref name="seed"/>) as queries on <paramref name="index"/>, expecting id = row.
    /// </summary>
    public static OracleRecallCheckResult Run(FaissIndex index, VectorSet payload, int queries, ulong seed, Func<long, long, bool>? areDuplicates)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(payload);
        if (queries <= 0 || queries > payload.Count)
            throw new ArgumentOutOfRangeException(nameof(queries), queries, $"expected 1 to {payload.Count} queries (the payload's rows)");
        var rows = new SeededRandom(seed).Permutation(payload.Count)[..queries];
        var d = payload.Dimension;
        var vectors = new float[queries * d]; // (queries, D): copies of the chosen payload rows
        for (var i = 0; i < queries; i++)
            payload.Row(rows[i]).CopyTo(vectors.AsSpan(i * d, d));
        var recall = OracleRecall.Measure(index, vectors, d, rows.Select(r => (long)r).ToArray(), [1, 5, TopK], areDuplicates);
        var outcome = CheckOutcome.Of(
            (recall.Recall(1) >= MinimumRecallAt1, Text($"R@1 {recall.Recall(1):P1} is below the seed's {MinimumRecallAt1:P0}")),
            (recall.Recall(5) >= 1.0, Text($"R@5 {recall.Recall(5):P1} is not 100%")),
            (recall.Recall(TopK) >= 1.0, Text($"R@{TopK} {recall.Recall(TopK):P1} is not 100%")),
            (recall.FaultCount == 0, Text($"{recall.FaultCount} of {recall.MissesAtOne.Count} R@1 misses are faults, not duplicate ties")));
        return new OracleRecallCheckResult(recall, outcome);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
