using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>A metric that moved in its bad direction by more than its tolerance.</summary>
/// <param name="Name">The metric.</param>
/// <param name="Obtained">This run's value.</param>
/// <param name="Expected">The accepted value.</param>
/// <param name="Allowed">The tolerance, as an amount in the metric's unit (>= 0).</param>
/// <param name="Direction">Which way it improves.</param>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Rule">The rule it broke when not a plain tolerance, e.g. "3 standard errors (±0.0093)", "must stay > 0"; null for "±allowed".</param>
public sealed record MetricRegression(string Name, double Obtained, double Expected, double Allowed, MetricDirection Direction, string Unit, string? Rule = null)
{
    /// <summary>Obtained minus expected (negative for a drop).</summary>
    public double Difference => Obtained - Expected;
}
