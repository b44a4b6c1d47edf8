namespace Nvf.Core.Baselines;

/// <summary>A baseline built from a run, and the metrics that got no tolerance.</summary>
/// <param name="Baseline">The baseline to save.</param>
/// <param name="NeedTolerance">New metrics without an interval, accepted as exact: edit their tolerance in the file.</param>
/// <param name="Kept">Metrics of the previous baseline the run did not measure, kept unchanged (remove them by editing the file).</param>
public sealed record AcceptedBaseline(Baseline Baseline, IReadOnlyList<string> NeedTolerance, IReadOnlyList<string> Kept);
