using Nvf.Core.Metrics;

namespace Nvf.Core.Criteria;

/// <summary>
/// "Metric >= target (stretch s)", judged as issue 5 asks: the point estimate is compared with the
/// target; the Wilson 95% interval and the oracle ceiling are reported beside it; a target above
/// the ceiling's whole interval is reported unreachable rather than as a bare failure.
/// </summary>
/// <param name="Metric">What is measured, e.g. "pipeline Top-1".</param>
/// <param name="Target">The target fraction in (0, 1].</param>
/// <param name="Stretch">An optional stretch goal fraction, at least the target.</param>
public sealed record AccuracyCriterion(string Metric, double Target, double? Stretch = null)
{
    /// <summary>Judges <paramref name="measured"/> given the oracle <paramref name="ceiling"/> (null when none was measured).</summary>
    public CriterionVerdict Judge(ProportionEstimate measured, ProportionEstimate? ceiling)
    {
        ArgumentNullException.ThrowIfNull(measured);
        if (!(Target > 0 && Target <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Target), Target, "expected a target fraction in (0, 1], e.g. 0.9 for 90%");
        }

        if (Stretch is { } s && !(s >= Target && s <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Stretch), s, $"expected a stretch goal in [target {Target}, 1]");
        }

        if (measured.Trials == 0)
        {
            throw new ArgumentException($"{Metric} was measured on no trials; expected at least one query", nameof(measured));
        }

        var outcome = measured.Estimate >= Target
            ? CriterionOutcome.Met
            : ceiling is not null && Target > ceiling.Upper ? CriterionOutcome.Unreachable : CriterionOutcome.Missed;
        return new CriterionVerdict(Metric, measured, Target, Stretch, ceiling, outcome);
    }
}
