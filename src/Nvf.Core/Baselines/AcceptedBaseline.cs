namespace Nvf.Core.Baselines;

/// <summary>A baseline built from a run, and what the acceptance decided for the user to review.</summary>
/// <param name="Baseline">The baseline to save.</param>
/// <param name="Defaulted">New metrics without an interval, given <see cref="BaselineAcceptance.DefaultTolerance"/>: review them in the file.</param>
/// <param name="Kept">Metrics of the previous baseline the run did not measure, kept unchanged (remove them by editing the file).</param>
public sealed record AcceptedBaseline(Baseline Baseline, IReadOnlyList<string> Defaulted, IReadOnlyList<string> Kept);
