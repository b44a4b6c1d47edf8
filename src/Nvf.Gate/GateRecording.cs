using Nvf.Core.Baselines;
using Nvf.Core.History;
using Nvf.Gherkin.Running;

namespace Nvf.Gate;

/// <summary>What recording a finished run produced.</summary>
/// <param name="Record">The run's record (as kept in run.json).</param>
/// <param name="Report">The run with the gate's sections, as the reports show it.</param>
/// <param name="Comparison">The run against the accepted baseline, or null when none is accepted.</param>
/// <param name="RunFolder">artifacts/runs/&lt;run id&gt;.</param>
/// <param name="Files">The reports written to the report folder (JSON, HTML, Markdown).</param>
public sealed record GateRecording(RunRecord Record, RunReport Report, BaselineComparison? Comparison, string RunFolder, IReadOnlyList<string> Files);
