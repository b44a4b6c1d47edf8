namespace Nvf.Core.History;

/// <summary>How one scenario of a recorded run ended.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Scenario">The scenario's title (Examples values included).</param>
/// <param name="Status">"passed", "failed", "skipped", "undefined", "pending" or "ambiguous".</param>
/// <param name="Seconds">Wall time in seconds.</param>
/// <param name="Tags">Its tags, without '@'.</param>
/// <param name="Problem">The first line of its failure or skip reason, or null when it passed.</param>
/// <param name="PeakRssBytes">Peak resident memory of the process while it ran, in bytes, or null when not measured.</param>
public sealed record ScenarioOutcome(string Feature, string Scenario, string Status, double Seconds, IReadOnlyList<string> Tags, string? Problem, long? PeakRssBytes = null);
