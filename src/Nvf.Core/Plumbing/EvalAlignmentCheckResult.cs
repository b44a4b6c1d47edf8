using Nvf.Core.Metrics;

namespace Nvf.Core.Plumbing;

/// <summary>Eval alignment with its verdict.</summary>
/// <param name="Samples">Eval samples checked.</param>
/// <param name="Statistics">Mean/min cosine and aligned share over the samples whose key names a row; null when none does.</param>
/// <param name="UnmappedKeys">Sampled truth keys that name no payload row.</param>
/// <param name="CheckedUtc">When the alignment was verified.</param>
/// <param name="Outcome">Whether every sampled target is its payload row.</param>
public sealed record EvalAlignmentCheckResult(int Samples, AlignmentStatistics? Statistics, int UnmappedKeys, DateTimeOffset CheckedUtc, CheckOutcome Outcome);
