namespace Nvf.Core.Metrics;

/// <summary>
/// McNemar's test on paired binary outcomes (the same queries answered by two runs, hit or miss): only the discordant pairs
/// count; the two-sided p-value is the exact binomial one (n = discordant pairs, p = 1/2), valid for small counts too.
/// </summary>
/// <param name="Both">Queries both runs hit.</param>
/// <param name="OnlyFirst">Queries only the first run hit.</param>
/// <param name="OnlySecond">Queries only the second run hit.</param>
/// <param name="Neither">Queries neither run hit.</param>
/// <param name="PValue">The exact two-sided p-value of "the runs hit equally often".</param>
public sealed record McNemar(long Both, long OnlyFirst, long OnlySecond, long Neither, double PValue)
{
    /// <summary>The test on <paramref name="first"/> and <paramref name="second"/>, one outcome per query in the same order.</summary>
    /// <param name="first">The first run's hits.</param>
    /// <param name="second">The second run's hits.</param>
    public static McNemar Of(IReadOnlyList<bool> first, IReadOnlyList<bool> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException($"{first.Count} and {second.Count} outcomes; expected the same queries in both runs", nameof(second));
        }

        long both = 0, onlyFirst = 0, onlySecond = 0, neither = 0;
        for (var i = 0; i < first.Count; i++)
        {
            _ = (first[i], second[i]) switch
            {
                (true, true) => both++,
                (true, false) => onlyFirst++,
                (false, true) => onlySecond++,
                _ => neither++,
            };
        }

        return new McNemar(both, onlyFirst, onlySecond, neither, ExactTwoSided(onlyFirst, onlySecond));
    }

    // 2 * P(X <= min(b, c)) for X ~ Binomial(b + c, 1/2), at most 1; summed in log space.
    static double ExactTwoSided(long b, long c)
    {
        var n = b + c;
        if (n == 0)
        {
            return 1;
        }

        var low = Math.Min(b, c);
        var logHalfN = n * Math.Log(0.5);
        double sum = 0;
        var logChoose = 0.0; // log C(n, 0)
        for (long i = 0; i <= low; i++)
        {
            if (i > 0)
            {
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            }

            sum += Math.Exp(logChoose + logHalfN);
        }

        return Math.Min(1, 2 * sum);
    }
}
