namespace Nvf.Core.Snapshots;

/// <summary>The outcome of comparing a text with its approved snapshot.</summary>
/// <param name="Matched">True when the scrubbed text equals the *.verified.* file.</param>
/// <param name="VerifiedPath">The approved file (committed).</param>
/// <param name="ReceivedPath">Where the new text was written when it did not match (ignored by git); deleted on a match.</param>
/// <param name="Difference">"line N: expected '…' but got '…'" (or why nothing was approved yet); null on a match.</param>
public sealed record SnapshotVerdict(bool Matched, string VerifiedPath, string ReceivedPath, string? Difference);
