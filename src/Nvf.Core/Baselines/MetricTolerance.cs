using System.Globalization;
using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>
/// How far a metric may move in its bad direction before it counts as a regression: the largest of an
/// absolute amount, a fraction of the expected value, and (when <see cref="Interval"/>) the distance from the
/// expected value to the bad end of its accepted 95% interval. Nothing set means it must not move at all.
/// </summary>
/// <param name="Absolute">Allowed move in the metric's unit, or null.</param>
/// <param name="Relative">Allowed move as a fraction of |expected| (0.05 = 5%), or null.</param>
/// <param name="Interval">True to allow a move within the accepted value's 95% interval.</param>
public sealed record MetricTolerance(double? Absolute = null, double? Relative = null, bool Interval = false)
{
    /// <summary>The allowed move (>= 0) for <paramref name="expected"/>, in the metric's unit.</summary>
    /// <param name="expected">The accepted metric.</param>
    public double AllowedFor(BaselineMetric expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (Absolute is < 0 || Relative is < 0)
        {
            throw new ArgumentException($"Tolerance {this} is negative; expected absolute and relative amounts >= 0.");
        }

        var fromInterval = !Interval ? 0 : expected.Direction == MetricDirection.HigherIsBetter
            ? expected.Expected - (expected.Low ?? expected.Expected)
            : (expected.High ?? expected.Expected) - expected.Expected;
        return Math.Max(Math.Max(Absolute ?? 0, (Relative ?? 0) * Math.Abs(expected.Expected)), Math.Max(0, fromInterval));
    }

    /// <summary>Reads what <see cref="Describe"/> writes: "exact", or parts "±0.02", "±5%", "95% interval" joined by " or " ("+-" for "±").</summary>
    /// <param name="text">The tolerance text.</param>
    public static MetricTolerance Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim() == "exact")
        {
            return new MetricTolerance();
        }

        var tolerance = new MetricTolerance();
        foreach (var raw in text.Split(" or ", StringSplitOptions.TrimEntries))
        {
            var part = raw.Replace("+-", "±", StringComparison.Ordinal);
            if (part == "95% interval")
            {
                tolerance = tolerance with { Interval = true };
            }
            else if (part.StartsWith('±') && part.EndsWith('%') && Number(part[1..^1]) is { } percent)
            {
                tolerance = tolerance with { Relative = percent / 100 };
            }
            else if (part.StartsWith('±') && Number(part[1..]) is { } amount)
            {
                tolerance = tolerance with { Absolute = amount };
            }
            else
            {
                throw new FormatException($"Tolerance part '{raw}' of '{text}' is not understood; expected \"exact\" or parts like \"±0.02\", \"±5%\", \"95% interval\" joined by \" or \".");
            }
        }

        return tolerance;
    }

    /// <summary>Short text: "±0.02", "±5%", "95% interval", joined with " or "; "exact" when nothing is set.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Absolute is { } absolute)
        {
            parts.Add(FormattableString.Invariant($"±{absolute:G4}"));
        }

        if (Relative is { } relative)
        {
            parts.Add(FormattableString.Invariant($"±{100 * relative:G4}%"));
        }

        if (Interval)
        {
            parts.Add("95% interval");
        }

        return parts.Count == 0 ? "exact" : string.Join(" or ", parts);
    }

    static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value) ? value : null;
}
