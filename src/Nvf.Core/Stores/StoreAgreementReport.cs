namespace Nvf.Core.Stores;

/// <summary>How far two stores' answers to the same queries agree (see <see cref="StoreAgreement"/>).</summary>
/// <param name="Queries">Queries compared.</param>
/// <param name="K">Results per query.</param>
/// <param name="IdenticalRankings">Queries whose id lists are equal, rank for rank.</param>
/// <param name="EquivalentUpToTies">Queries whose lists are identical or differ only among results tied (within the tolerance) in score; includes the identical ones.</param>
/// <param name="MeanOverlap">Mean over queries of |ids in both| / |reference ids found|, in [0, 1].</param>
/// <param name="MaxRankScoreDifference">Largest |reference score - candidate score| at the same rank, in the metric's unit (squared distance for Euclidean).</param>
/// <param name="ScoreTolerance">The tolerance used, in the same unit.</param>
/// <param name="Disagreements">Indices of the queries not equivalent up to ties (at most the first 20, for messages).</param>
public sealed record StoreAgreementReport(
    int Queries, int K, int IdenticalRankings, int EquivalentUpToTies, double MeanOverlap, double MaxRankScoreDifference,
    double ScoreTolerance, IReadOnlyList<int> Disagreements)
{
    /// <summary>True when every query's answers are equivalent up to ties.</summary>
    public bool AllEquivalent => EquivalentUpToTies == Queries;

    /// <summary>One line for reports.</summary>
    public override string ToString() =>
        $"{EquivalentUpToTies}/{Queries} queries agree on the top-{K} (up to ties within {ScoreTolerance:G3}), {IdenticalRankings} identically; " +
        $"mean overlap {MeanOverlap:P1}; max score difference {MaxRankScoreDifference:G3}" +
        (Disagreements.Count > 0 ? $"; first disagreeing queries: {string.Join(", ", Disagreements)}" : "");
}
