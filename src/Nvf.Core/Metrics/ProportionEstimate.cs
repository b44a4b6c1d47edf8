namespace Nvf.Core.Metrics;

/// <summary>
/// A measured proportion (an accuracy or recall) with its Wilson score interval, the interval every
/// accuracy in the gate is reported with. Values are fractions in [0, 1], not percentages.
/// </summary>
/// <param name="Successes">Number of hits.</param>
/// <param name="Trials">Number of trials (queries, samples).</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
/// <param name="Z">Standard normal quantile the interval was built with (1.96 for 95%).</param>
public sealed record ProportionEstimate(long Successes, long Trials, double Lower, double Upper, double Z)
{
    /// <summary>The standard normal quantile for a two-sided 95% interval, 1.959963984540054.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The point estimate Successes / Trials (NaN when there are no trials).</summary>
    public double Estimate => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>
    /// Wilson's score interval (Wilson 1927) for <paramref name="successes"/> out of
    /// <paramref name="trials"/> at the two-sided level given by <paramref name="z"/> (1.96: 95%).
    /// Unlike the normal approximation it stays inside [0, 1] and is sensible at 0% and 100%.
    /// With no trials the interval is the whole [0, 1].
    /// </summary>
    public static ProportionEstimate Wilson(long successes, long trials, double z = Z95)
    {
        if (trials < 0)
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "expected trials >= 0");
        if (successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"expected 0 <= successes <= trials ({trials})");
        if (!(z > 0) || double.IsInfinity(z))
            throw new ArgumentOutOfRangeException(nameof(z), z, "expected a positive finite normal quantile, e.g. 1.96");
        if (trials == 0)
            return new ProportionEstimate(0, 0, 0, 1, z);
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // Clamp rounding at the ends: at p = 0 the lower bound is 0 exactly, at p = 1 the upper is 1.
        var lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        var upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new ProportionEstimate(successes, trials, lower, upper, z);
    }

    /// <summary>"68.0% [65.0, 70.8] (n = 1000)": estimate and interval in percent.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{100 * Estimate:F1}% [{100 * Lower:F1}, {100 * Upper:F1}] (n = {Trials})");
}
