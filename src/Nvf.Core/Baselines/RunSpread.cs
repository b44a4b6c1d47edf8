using System.Globalization;
using Nvf.Core.History;

namespace Nvf.Core.Baselines;

/// <summary>
/// How far two runs of the same suite lie apart, metric by metric: the difference, and for criteria the difference
/// in standard errors of the difference (what <see cref="CriterionRule"/> allows up to <see cref="CriterionRule.Z"/>).
/// Run on two numeric paths of one commit (OpenBLAS and BLIS, or two CPUs), it measures the cross-path spread the
/// baseline's tolerances must absorb; and whether the second run holds against the first taken as a baseline.
/// </summary>
/// <param name="Rows">One row per metric both runs recorded: name, kind, first, second, difference, difference/SE (criteria).</param>
/// <param name="Comparison">The second run against the first accepted as a baseline.</param>
public sealed record RunSpread(IReadOnlyList<RunSpreadRow> Rows, BaselineComparison Comparison)
{
    /// <summary>Compares <paramref name="second"/> with <paramref name="first"/>.</summary>
    /// <param name="first">The reference run.</param>
    /// <param name="second">The other run.</param>
    public static RunSpread Between(RunRecord first, RunRecord second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var later = second.Metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var rows = new List<RunSpreadRow>();
        foreach (var a in first.Metrics.GroupBy(m => m.Name).Select(g => g.Last()).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (!later.TryGetValue(a.Name, out var b))
                continue;
            double? z = null;
            if (a.EffectiveKind == MetricKind.Criterion
                && CriterionRule.StandardError(a.Value, a.Low, a.High, a.Direction) is { } sa
                && CriterionRule.StandardError(b.Value, b.Low, b.High, a.Direction) is { } sb
                && sa * sa + sb * sb > 0)
            {
                z = (b.Value - a.Value) / Math.Sqrt(sa * sa + sb * sb);
            }

            rows.Add(new RunSpreadRow(a.Name, a.EffectiveKind, a.Value, b.Value, b.Value - a.Value, z));
        }

        var asBaseline = BaselineAcceptance.Accept(first, null, "first", first.StartedUtc).Baseline;
        var comparison = BaselineComparison.Compare(asBaseline, second.Metrics, RunScope.Unknown, second.Provenance.Fingerprint);
        return new RunSpread(rows, comparison);
    }

    /// <summary>How many metrics differ at all (bit for bit).</summary>
    public int Differing => Rows.Count(r => r.Difference != 0);

    /// <summary>"38 of 100 metrics differ; largest criterion move 1.4 standard errors (nvf.x)".</summary>
    public string Describe()
    {
        var worst = Rows.Where(r => r.Z is not null).MaxBy(r => Math.Abs(r.Z!.Value));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Differing} of {Rows.Count} metrics differ; largest criterion move {(worst is null ? "none" : $"{Math.Abs(worst.Z!.Value):F2} standard errors ({worst.Name})")}");
    }
}

/// <summary>One metric of a <see cref="RunSpread"/>.</summary>
/// <param name="Name">The metric.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="First">The first run's value.</param>
/// <param name="Second">The second run's value.</param>
/// <param name="Difference">Second minus first.</param>
/// <param name="Z">The difference in standard errors of the difference (criteria with intervals), else null.</param>
public sealed record RunSpreadRow(string Name, MetricKind Kind, double First, double Second, double Difference, double? Z);
