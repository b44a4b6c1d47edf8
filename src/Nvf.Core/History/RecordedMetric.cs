namespace Nvf.Core.History;

/// <summary>One metric of a recorded run, e.g. "nvf.pipeline.top1" = 0.931 (a fraction), higher is better, [0.924, 0.938].</summary>
/// <param name="Name">Stable name, unique within a run.</param>
/// <param name="Value">The value in <paramref name="Unit"/> (finite).</param>
/// <param name="Direction">Which way it improves.</param>
/// <param name="Unit">Unit of the value ("" for a plain number or a fraction in [0, 1]).</param>
/// <param name="Low">Lower end of its 95% interval, or null when none was measured.</param>
/// <param name="High">Upper end of its 95% interval, or null when none was measured.</param>
/// <param name="Scenario">The scenario that measured it ("feature › scenario"), "" when unknown.</param>
/// <param name="Kind">What it is for, or null (older records): <see cref="Kinds"/> infers it.</param>
/// <param name="Bound">A diagnostic's bound: the value it must stay strictly beyond on its good side, or null.</param>
public sealed record RecordedMetric(string Name, double Value, MetricDirection Direction, string Unit = "", double? Low = null, double? High = null, string Scenario = "", MetricKind? Kind = null, double? Bound = null)
{
    /// <summary>
    /// <see cref="Kind"/> when recorded, else inferred: a time unit (s, ms, min) is a timing, a 95% interval a
    /// criterion, anything else a plain number (compared by its baseline tolerance).
    /// </summary>
    public MetricKind EffectiveKind => Kinds.Infer(Kind, Unit, Low, High);
}
