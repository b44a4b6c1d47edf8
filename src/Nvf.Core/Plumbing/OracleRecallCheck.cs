using System.Globalization;
using Nvf.Core.Data;
using Nvf.Core.Index;
using Nvf.Faiss;

namespace Nvf.Core.Plumbing;

/// <summary>
/// The index sanity check (pure-infonce-sanity-report.md, "Oracle Recall"): 1,000 random payload
/// vectors as their own queries, top 50. The seed's cuts are R@5 = 100% and R@50 = 100%; its R@1 of
/// 95.2% is an observation, not a cut. A vector finds itself when its own id or an identical copy
/// comes back (a copy scores the self-score exactly: a tie). The gate adds one cut of its own, named
/// as such in the report: no query may lose rank 1 to anything but an identical copy (a fault).
/// </summary>
public static class OracleRecallCheck
{
    /// <summary>The seed's observed oracle R@1 (own id first), shown beside the measured one; not a threshold.</summary>
    public const double SeedObservedRecallAt1 = 0.952;

    /// <summary>Results retrieved per query.</summary>
    public const int TopK = 50;

    /// <summary>The measured k: R@1, R@5 and R@50, as the seed's table.</summary>
    public static IReadOnlyList<int> Ks { get; } = [1, 5, TopK];

    /// <summary>
    /// Uses <paramref name="queries"/> random rows of <paramref name="payload"/> (drawn by
    /// <paramref name="seed"/>) as queries on <paramref name="index"/>, expecting id = row or an
    /// identical copy (<paramref name="areDuplicates"/>).
    /// </summary>
    public static OracleRecallCheckResult Run(FaissIndex index, IVectorRows payload, int queries, ulong seed, Func<long, long, bool>? areDuplicates)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(payload);
        if (queries <= 0 || queries > payload.Count)
            throw new ArgumentOutOfRangeException(nameof(queries), queries, $"expected 1 to {payload.Count} queries (the payload's rows)");
        var rows = new SeededRandom(seed).Permutation(payload.Count)[..queries];
        // In payload order: neighbouring rows (chunks of one article) probe the same lists, so an index whose lists are
        // memory-mapped reads each list about once rather than once per query; the results per query do not change.
        Array.Sort(rows);
        var d = payload.Dimension;
        var vectors = payload.Gather(rows).Data; // (queries, D): copies of the chosen payload rows
        var recall = OracleRecall.Measure(index, vectors, d, rows.Select(r => (long)r).ToArray(), Ks, areDuplicates);
        return new OracleRecallCheckResult(recall, Judge(recall));
    }

    /// <summary>The verdict on a measured oracle recall, failures written as sentences about the data.</summary>
    public static CheckOutcome Judge(OracleRecallResult recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        var faults = recall.MissesAtOne.Where(m => m.Kind == OracleMissKind.Fault).ToList();
        var example = faults.Count == 0 ? "" : Text($"; first: {faults[0]}");
        return CheckOutcome.Of(
            (recall.Recall(5) >= 1.0, Text($"R@5 is {recall.Recall(5):P1}: {Missing(recall, 5)} of {recall.QueryCount:N0} payload vectors, and every identical copy of them, are absent from their own top 5 (the seed requires 100%)")),
            (recall.Recall(TopK) >= 1.0, Text($"R@{TopK} is {recall.Recall(TopK):P1}: {Missing(recall, TopK)} of {recall.QueryCount:N0} payload vectors, and every identical copy of them, are absent from their own top {TopK} (the seed requires 100%)")),
            (faults.Count == 0, Text($"{faults.Count:N0} of {recall.QueryCount:N0} payload vectors lost rank 1 to a different vector, not to an identical copy (the gate's own cut: a self-query on IVF-Flat scores its own norm, so only a copy may tie it){example}")));
    }

    private static long Missing(OracleRecallResult recall, int k) => (long)Math.Round((1 - recall.Recall(k)) * recall.QueryCount);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
