using System.Globalization;
using Nvf.Core.Metrics;

namespace Nvf.Core.Criteria;

/// <summary>An accuracy judged against its target, its stretch goal and the oracle ceiling.</summary>
/// <param name="Metric">What was measured, e.g. "pipeline Top-1".</param>
/// <param name="Measured">The measured accuracy with its Wilson 95% interval.</param>
/// <param name="Target">The target fraction the point estimate must reach.</param>
/// <param name="Stretch">The stretch goal fraction, or null.</param>
/// <param name="Ceiling">The oracle ceiling (exact search on the same queries) with its interval, or null when not measured.</param>
/// <param name="Outcome">Met, missed, or unreachable (target above the ceiling).</param>
public sealed record CriterionVerdict(string Metric, ProportionEstimate Measured, double Target, double? Stretch, ProportionEstimate? Ceiling, CriterionOutcome Outcome)
{
    /// <summary>True when a stretch goal exists and the point estimate reaches it.</summary>
    public bool StretchMet => Stretch is { } s && Measured.Estimate >= s;

    /// <summary>True when the criterion is met.</summary>
    public bool Passed => Outcome == CriterionOutcome.Met;

    /// <summary>
    /// One line for a report: "pipeline Top-1 93.1% [92.4, 93.8] (n = 5000) vs target >= 90%
    /// (stretch 95%: not reached); oracle ceiling 100.0% [99.9, 100.0] (n = 5000): MET".
    /// </summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Metric} {Measured} vs target >= {100 * Target:0.#}%");
        if (Stretch is { } stretch)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" (stretch {100 * stretch:0.#}%: {(StretchMet ? "reached" : "not reached")})");
        }

        text += Ceiling is null ? "; oracle ceiling not measured" : $"; oracle ceiling {Ceiling}";
        return text + ": " + Outcome switch
        {
            CriterionOutcome.Met => "MET",
            CriterionOutcome.Missed => "MISSED",
            _ => "UNREACHABLE (the target lies above the oracle ceiling on this query distribution)",
        };
    }
}
