using Nvf.Core.Metrics;

namespace Nvf.Core.Criteria;

/// <summary>"Metric is <see cref="Expected"/> within <see cref="TolerancePoints"/> points": reproducing a figure of the seed or of DESIGN.md.</summary>
/// <param name="Metric">What is measured.</param>
/// <param name="Expected">The reference fraction in [0, 1].</param>
/// <param name="TolerancePoints">Allowed |measured - expected| in percentage points, >= 0.</param>
public sealed record ReproductionCriterion(string Metric, double Expected, double TolerancePoints)
{
    /// <summary>Compares the point estimate of <paramref name="measured"/> with <see cref="Expected"/>.</summary>
    public ReproductionVerdict Judge(ProportionEstimate measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        if (!(Expected >= 0 && Expected <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Expected), Expected, "expected a reference fraction in [0, 1], e.g. 0.68 for 68%");
        }

        if (!(TolerancePoints >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(TolerancePoints), TolerancePoints, "expected a tolerance >= 0 percentage points");
        }

        if (measured.Trials == 0)
        {
            throw new ArgumentException($"{Metric} was measured on no trials; expected at least one", nameof(measured));
        }

        return new ReproductionVerdict(Metric, measured, Expected, TolerancePoints);
    }
}
