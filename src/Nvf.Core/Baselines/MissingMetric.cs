namespace Nvf.Core.Baselines;

/// <summary>A baselined metric a run did not record, and why that counts (or not) against the run.</summary>
/// <param name="Name">The metric.</param>
/// <param name="Expected">Its accepted value.</param>
/// <param name="Scenario">The scenario that measured it when it was accepted ("" when unknown).</param>
/// <param name="Why">One line: what happened to the scenario.</param>
public sealed record MissingMetric(string Name, double Expected, string Scenario, string Why);
