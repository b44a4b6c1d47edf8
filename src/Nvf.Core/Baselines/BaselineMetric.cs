using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>The accepted value of one metric, which way it improves, and how far it may move.</summary>
/// <param name="Expected">The accepted value, in <paramref name="Unit"/>.</param>
/// <param name="Direction">Which way it improves.</param>
/// <param name="Tolerance">How far it may move in its bad direction.</param>
/// <param name="Unit">Unit of the value ("" for a plain number or a fraction).</param>
/// <param name="Low">Lower end of the accepted value's 95% interval, or null.</param>
/// <param name="High">Upper end of the accepted value's 95% interval, or null.</param>
/// <param name="Scenario">The scenario that measured it ("feature › scenario"), "" when unknown; a run that runs it must record the metric again.</param>
/// <param name="Kind">What it is for (decides how it is compared), or null to infer it from the unit and interval.</param>
/// <param name="Bound">A diagnostic's bound: the value it must stay strictly beyond on its good side, or null.</param>
public sealed record BaselineMetric(double Expected, MetricDirection Direction, MetricTolerance Tolerance, string Unit = "", double? Low = null, double? High = null, string Scenario = "", MetricKind? Kind = null, double? Bound = null)
{
    /// <summary><see cref="Kind"/>, or the kind inferred from the unit and interval.</summary>
    public MetricKind EffectiveKind => Kinds.Infer(Kind, Unit, Low, High);
}
