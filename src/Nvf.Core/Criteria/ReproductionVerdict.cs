using System.Globalization;
using Nvf.Core.Metrics;

namespace Nvf.Core.Criteria;

/// <summary>A measured accuracy compared with a reference figure and a tolerance in percentage points.</summary>
/// <param name="Metric">What was measured.</param>
/// <param name="Measured">The measurement with its Wilson 95% interval.</param>
/// <param name="Expected">The reference fraction (from the seed, DESIGN.md, or another measurement).</param>
/// <param name="TolerancePoints">Allowed |measured - expected|, in percentage points.</param>
public sealed record ReproductionVerdict(string Metric, ProportionEstimate Measured, double Expected, double TolerancePoints)
{
    /// <summary>Measured minus expected, in percentage points.</summary>
    public double DifferencePoints => 100 * (Measured.Estimate - Expected);

    /// <summary>True when the point estimate lies within the tolerance of the reference (with 1e-9 slack for rounding).</summary>
    public bool Passed => Math.Abs(DifferencePoints) <= TolerancePoints + 1e-9;

    /// <summary>"Top-1 68.0% [66.7, 69.3] (n = 5000) vs 68% ± 2 points: +0.0 points, PASS".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Metric} {Measured} vs {100 * Expected:0.##}% ± {TolerancePoints:0.##} points: {DifferencePoints:+0.0;-0.0;0.0} points, {(Passed ? "PASS" : "FAIL")}");
}
