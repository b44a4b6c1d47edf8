namespace Nvf.Core.Index;

/// <summary>
/// Oracle recall of an index: the share of payload vectors that, used as queries, find their own id
/// within the first k results (pure-infonce-sanity-report.md: R@1 95.2%, R@5 = R@50 = 100%).
/// </summary>
/// <param name="QueryCount">Queries searched.</param>
/// <param name="RecallAtK">k → share of queries whose own id is within the first k results, in [0, 1].</param>
/// <param name="MissesAtOne">Every query not ranked first, explained.</param>
public sealed record OracleRecallResult(int QueryCount, IReadOnlyDictionary<int, double> RecallAtK, IReadOnlyList<OracleRecallMiss> MissesAtOne)
{
    /// <summary>R@k for one of the k that were measured.</summary>
    public double Recall(int k) =>
        RecallAtK.TryGetValue(k, out var recall)
            ? recall
            : throw new ArgumentOutOfRangeException(nameof(k), k, $"R@{k} was not measured; measured: {string.Join(", ", RecallAtK.Keys)}");

    /// <summary>Misses at rank 1 explained by an exact duplicate ranked first.</summary>
    public int TieCount => MissesAtOne.Count(m => m.Kind == OracleMissKind.DuplicateTie);

    /// <summary>Misses at rank 1 that no duplicate explains: each is a fault of the index or the data.</summary>
    public int FaultCount => MissesAtOne.Count(m => m.Kind == OracleMissKind.Fault);
}
