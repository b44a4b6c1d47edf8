namespace Nvf.Core.Index;

/// <summary>One payload vector that did not come back first when used as its own query, and why.</summary>
/// <param name="Query">Position of the query in the batch.</param>
/// <param name="ExpectedId">The id the query was taken from.</param>
/// <param name="RankedFirstId">The id that came first instead (-1 when nothing was found).</param>
/// <param name="RankedFirstScore">Its score (inner product or squared L2, as the index's metric).</param>
/// <param name="ExpectedRank">0-based rank at which <paramref name="ExpectedId"/> came back, -1 when outside the results.</param>
/// <param name="ExpectedScore">The score the expected id got, NaN when outside the results.</param>
/// <param name="Kind">Tie with an identical copy, or a real fault.</param>
public sealed record OracleRecallMiss(
    int Query, long ExpectedId, long RankedFirstId, float RankedFirstScore, int ExpectedRank, float ExpectedScore, OracleMissKind Kind)
{
    /// <summary>One line for a report: "query 17 (id 4021): id 88 ranked first (0.99998, a duplicate tie); own id at rank 2".</summary>
    public override string ToString() =>
        $"query {Query} (id {ExpectedId}): id {RankedFirstId} ranked first ({RankedFirstScore:G6}, " +
        (Kind == OracleMissKind.DuplicateTie ? "an identical copy: a tie" : "a different vector: a fault") + "); " +
        (ExpectedRank < 0 ? "own id not in the results" : $"own id at rank {ExpectedRank + 1} ({ExpectedScore:G6})");
}
