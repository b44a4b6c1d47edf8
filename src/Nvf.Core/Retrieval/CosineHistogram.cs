using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Plots;

namespace Nvf.Core.Retrieval;

/// <summary>
/// The distributions behind the separation numbers: histograms of positive cosines cos(pred[i],
/// target[i]) and negative cosines cos(pred[i], target[j != i]) (j in the same batch of 1,024, as
/// <see cref="Metrics.SeparationReport"/> counts them), drawn as an inline SVG line plot.
/// </summary>
public static class CosineHistogram
{
    /// <summary>Bins over [-1, 1].</summary>
    public const int Bins = 40;

    /// <summary>Share of positive and of negative pairs per bin: (bin centre, share) each, shares summing to 1.</summary>
    public static (IReadOnlyList<(double X, double Y)> Positive, IReadOnlyList<(double X, double Y)> Negative) Measure(VectorSet predictions, VectorSet targets, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Count != targets.Count || predictions.Dimension != targets.Dimension)
            throw new ArgumentException($"predictions ({predictions.Count}, {predictions.Dimension}) and targets ({targets.Count}, {targets.Dimension}); expected equal shapes", nameof(targets));
        var positive = new long[Bins];
        var negative = new long[Bins];
        var n = predictions.Count;
        // Unit copies once, then one dot product per pair instead of a cosine with two norms each time.
        (predictions, targets) = (VectorMath.NormalizedCopy(predictions), VectorMath.NormalizedCopy(targets));
        var rowNegatives = new long[n][];
        Parallel.For(0, n, i =>
        {
            var counts = new long[Bins];
            var first = i / batchSize * batchSize;
            for (var j = first; j < Math.Min(n, first + batchSize); j++)
            {
                if (j != i)
                    counts[Bin(VectorMath.DotDouble(predictions.Row(i), targets.Row(j)))]++;
            }

            rowNegatives[i] = counts;
        });
        for (var i = 0; i < n; i++)
        {
            positive[Bin(VectorMath.DotDouble(predictions.Row(i), targets.Row(i)))]++;
            for (var b = 0; b < Bins; b++)
                negative[b] += rowNegatives[i][b];
        }

        return (Shares(positive), Shares(negative));
    }

    /// <summary>The two histograms of <paramref name="predictions"/> as one SVG panel titled <paramref name="title"/>.</summary>
    public static string ToSvg(string title, VectorSet predictions, VectorSet targets)
    {
        var (positive, negative) = Measure(predictions, targets);
        return new LinePlot()
            .AddPanel(title, "cosine", "share of pairs", [new PlotSeries("positive", positive), new PlotSeries("negative", negative)])
            .ToSvg();
    }

    private static int Bin(double cosine) => Math.Clamp((int)((cosine + 1) / 2 * Bins), 0, Bins - 1);

    private static (double X, double Y)[] Shares(long[] counts)
    {
        var total = Math.Max(1, counts.Sum());
        return counts.Select((c, b) => (-1 + (b + 0.5) * 2.0 / Bins, (double)c / total)).ToArray();
    }
}
