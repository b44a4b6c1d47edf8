namespace Nvf.Core.History;

/// <summary>The readable runs of a history, oldest first, and the run files that could not be read.</summary>
/// <param name="Runs">Complete runs, oldest first.</param>
/// <param name="Problems">"path: reason" for each run.json that did not parse.</param>
public sealed record HistoryListing(IReadOnlyList<RunRecord> Runs, IReadOnlyList<string> Problems);
