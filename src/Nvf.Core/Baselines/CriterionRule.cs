using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>
/// When a success criterion counts as regressed: its move in the bad direction exceeds <see cref="Z"/> standard
/// errors of the difference of two independent estimates, √(se₀² + se₁²), each standard error read from that
/// run's 95% interval (the half-width on the bad side / 1.96; for a proportion its Wilson interval, for Δ and
/// AUC the interval of their standard error). A criterion measured on another numeric path (another CPU's BLAS
/// sums in another order and a seeded training ends elsewhere) moves like a re-run with another seed, which its
/// sampling error bounds; a real regression (a 3-point drop of a 68% Top-1 over 5,000 queries is 3.2 standard
/// errors) does not.
/// </summary>
public static class CriterionRule
{
    /// <summary>
    /// Standard errors a criterion may fall: 3 (one-sided p = 0.00135 per metric when nothing changed). Measured
    /// spread across two numeric paths: docs/cli-and-reports.md, "Regressions and baselines".
    /// </summary>
    public const double Z = 3.0;

    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// The allowed move for <paramref name="obtained"/> against <paramref name="expected"/>, or null when neither has an
    /// interval (then the baseline's own tolerance applies).
    /// </summary>
    /// <param name="expected">The accepted metric.</param>
    /// <param name="obtained">This run's metric.</param>
    public static double? Allowed(BaselineMetric expected, RecordedMetric obtained)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(obtained);
        var accepted = StandardError(expected.Expected, expected.Low, expected.High, expected.Direction);
        var measured = StandardError(obtained.Value, obtained.Low, obtained.High, expected.Direction);
        if (accepted is null && measured is null)
        {
            return null;
        }

        // One side unknown (an older baseline without an interval): the other side's error stands for both.
        var a = accepted ?? measured!.Value;
        var b = measured ?? accepted!.Value;
        return Z * Math.Sqrt(a * a + b * b);
    }

    /// <summary>The standard error read from the bad side of a 95% interval, or null when there is none.</summary>
    /// <param name="value">The estimate.</param>
    /// <param name="low">Lower end, or null.</param>
    /// <param name="high">Upper end, or null.</param>
    /// <param name="direction">Which way is better: the bad side is below for higher-is-better.</param>
    public static double? StandardError(double value, double? low, double? high, MetricDirection direction)
    {
        if (low is not { } l || high is not { } h)
        {
            return null;
        }

        var badSide = direction == MetricDirection.HigherIsBetter ? value - l : h - value;
        return Math.Max(0, badSide) / Z95;
    }
}
