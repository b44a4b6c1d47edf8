using Nvf.Core.Index;

namespace Nvf.Core.Plumbing;

/// <summary>Oracle recall with its verdict.</summary>
/// <param name="Recall">R@1, R@5, R@50 and every R@1 miss explained.</param>
/// <param name="Outcome">Whether the seed's conditions held.</param>
public sealed record OracleRecallCheckResult(OracleRecallResult Recall, CheckOutcome Outcome);
