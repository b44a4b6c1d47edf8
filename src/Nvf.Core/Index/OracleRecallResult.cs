namespace Nvf.Core.Index;

/// <summary>
/// Oracle recall of an index: the share of payload vectors that, used as queries, find themselves
/// within the first k results (pure-infonce-sanity-report.md observed R@1 95.2%, R@5 = R@50 = 100%).
/// A vector finds itself when its own id or an identical copy comes back: a copy scores exactly the
/// self-score, so which of them ranks first is a tie, not a loss.
/// </summary>
/// <param name="QueryCount">Queries searched.</param>
/// <param name="RecallAtK">k → share of queries whose vector (own id or an identical copy) is within the first k results, in [0, 1].</param>
/// <param name="MissesAtOne">Every query whose own id was not ranked first, explained.</param>
public sealed record OracleRecallResult(int QueryCount, IReadOnlyDictionary<int, double> RecallAtK, IReadOnlyList<OracleRecallMiss> MissesAtOne)
{
    /// <summary>k → share of queries whose own id is within the first k results (what the seed's 95.2% R@1 counted).</summary>
    public IReadOnlyDictionary<int, double> OwnIdRecallAtK { get; init; } = RecallAtK;

    /// <summary>For each query that met copies of its vector in its results, how many (itself included): the duplicate groups met.</summary>
    public IReadOnlyList<int> CopiesMet { get; init; } = [];

    /// <summary>R@k, an identical copy counting as the vector itself, for one of the k that were measured.</summary>
    public double Recall(int k) =>
        RecallAtK.TryGetValue(k, out var recall)
            ? recall
            : throw new ArgumentOutOfRangeException(nameof(k), k, $"R@{k} was not measured; measured: {string.Join(", ", RecallAtK.Keys)}");

    /// <summary>R@k by own id only, for one of the k that were measured.</summary>
    public double OwnIdRecall(int k) =>
        OwnIdRecallAtK.TryGetValue(k, out var recall)
            ? recall
            : throw new ArgumentOutOfRangeException(nameof(k), k, $"R@{k} was not measured; measured: {string.Join(", ", OwnIdRecallAtK.Keys)}");

    /// <summary>Queries whose own id lost rank 1 to an identical copy.</summary>
    public int TieCount => MissesAtOne.Count(m => m.Kind == OracleMissKind.DuplicateTie);

    /// <summary>Queries for which neither the vector nor any copy came first: each is a fault of the index or the data.</summary>
    public int FaultCount => MissesAtOne.Count(m => m.Kind == OracleMissKind.Fault);

    /// <summary>Queries whose vector has copies in the payload (met within the results).</summary>
    public int QueriesWithCopies => CopiesMet.Count;
}
