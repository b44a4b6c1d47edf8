using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
namespace Nvf.Core.Decision;

/// <summary>
/// Judges the tier reached after epoch 1 (pure-infonce-sanity-report.md, "Success Criteria"):
/// Minimum R@5 > 0% and delta > 0.05; Good R@5 >= 5% and delta >= 0.10; Strong R@5 >= 10% and
/// delta >= 0.15. A tier needs both of its conditions. R@5 is a fraction in [0, 1].
/// </summary>
public static class SuccessCriteria
{
    /// <summary>Minimum: delta strictly above 0.05.</summary>
    public const double MinimumDelta = 0.05;

    /// <summary>Good: R@5 at least 5%.</summary>
    public const double GoodRecall = 0.05;

    /// <summary>Good: delta at least 0.10.</summary>
    public const double GoodDelta = 0.10;

    /// <summary>Strong: R@5 at least 10%.</summary>
    public const double StrongRecall = 0.10;

    /// <summary>Strong: delta at least 0.15.</summary>
    public const double StrongDelta = 0.15;

    /// <summary>The highest tier whose two conditions <paramref name="recallAt5"/> and <paramref name="delta"/> meet.</summary>
    public static SuccessTier Judge(double recallAt5, double delta)
    {
        if (double.IsNaN(recallAt5) || recallAt5 is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(recallAt5), recallAt5, "expected R@5 as a fraction in [0, 1]");
        if (!double.IsFinite(delta))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "expected a finite delta = pos - neg cosine");
        if (recallAt5 >= StrongRecall && delta >= StrongDelta)
            return SuccessTier.Strong;
        if (recallAt5 >= GoodRecall && delta >= GoodDelta)
            return SuccessTier.Good;
        return recallAt5 > 0 && delta > MinimumDelta ? SuccessTier.Minimum : SuccessTier.None;
    }
}
