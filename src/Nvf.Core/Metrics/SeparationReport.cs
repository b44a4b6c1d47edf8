using Nvf.Core.Data;

namespace Nvf.Core.Metrics;

/// <summary>
/// Positive/negative cosine separation of predictions (pure-infonce-sanity-report.md, "Pos/Neg
/// Cosine Separation"): positive = mean cos(pred[i], target[i]); negative = mean cos(pred[i],
/// target[j]) over j != i within the same batch (in-batch negatives, as InfoNCE trains);
/// delta = positive - negative; AUC of positive against negative cosines.
/// </summary>
/// <param name="PositiveMean">Mean cosine of each prediction with its own target.</param>
/// <param name="NegativeMean">Mean cosine of each prediction with the other targets of its batch.</param>
/// <param name="Auc">Probability that a positive pair outscores a negative pair (ties half).</param>
/// <param name="Positives">Number of positive pairs (N).</param>
/// <param name="Negatives">Number of negative pairs.</param>
/// <param name="BatchSize">Batch size that defined the negatives.</param>
/// <param name="DeltaStandardError">
/// Standard error of Δ over the N predictions: the spread of each row's own Δ (its positive cosine minus the mean
/// of its negatives), over √N. Per row, because a row's negatives share its prediction and are not independent.
/// NaN when not measured.
/// </param>
/// <param name="AucStandardError">Standard error of the AUC (Hanley and McNeil 1982), NaN when not measured.</param>
public sealed record SeparationReport(double PositiveMean, double NegativeMean, double Auc, long Positives, long Negatives, int BatchSize, double DeltaStandardError = double.NaN, double AucStandardError = double.NaN)
{
    /// <summary>The seed's effective InfoNCE batch: 1,024 (256 x 4 gradient accumulation).</summary>
    public const int SeedBatchSize = 1024;

    /// <summary>Δ = positive - negative (the seed's tiers: > 0.05 minimum, >= 0.10 good, >= 0.15 strong).</summary>
    public double Delta => PositiveMean - NegativeMean;

    /// <summary>
    /// Measures <paramref name="predictions"/> against <paramref name="targets"/> (both float32 (N, D),
    /// any norm), batches being consecutive runs of <paramref name="batchSize"/> rows.
    /// </summary>
    public static SeparationReport Measure(VectorSet predictions, VectorSet targets, int batchSize = SeedBatchSize)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Count != targets.Count || predictions.Dimension != targets.Dimension)
            throw new ArgumentException(
                $"predictions ({predictions.Count}, {predictions.Dimension}) and targets ({targets.Count}, {targets.Dimension}); expected equal shapes", nameof(targets));
        if (batchSize < 2)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "expected a batch of at least 2 (negatives come from the batch)");
        if (predictions.Count < 2)
            throw new ArgumentException($"{predictions.Count} predictions; expected at least 2 to have negatives", nameof(predictions));
        var p = VectorMath.NormalizedCopy(predictions);
        var t = VectorMath.NormalizedCopy(targets);
        var n = p.Count;
        var positives = new double[n];
        // Row i's negatives go to a slice of its own, so the parallel loop writes disjoint ranges
        // and the result does not depend on scheduling.
        var negativeStart = new long[n + 1];
        for (var i = 0; i < n; i++)
            negativeStart[i + 1] = negativeStart[i] + BatchOf(i, n, batchSize).Length - 1;
        var negatives = new double[negativeStart[n]];
        Parallel.For(0, n, i =>
        {
            var (first, length) = BatchOf(i, n, batchSize);
            var row = p.Row(i);
            var slot = negativeStart[i];
            for (var j = first; j < first + length; j++)
            {
                double cos = VectorMath.Dot(row, t.Row(j));
                if (j == i)
                    positives[i] = cos;
                else
                    negatives[slot++] = cos;
            }
        });
        var auc = negatives.Length == 0 ? double.NaN : Metrics.Auc.MannWhitney(positives, negatives);
        var rowDeltas = Enumerable.Range(0, n)
            .Select(i => negativeStart[i + 1] == negativeStart[i] ? double.NaN : positives[i] - negatives.AsSpan((int)negativeStart[i], (int)(negativeStart[i + 1] - negativeStart[i])).ToArray().Average())
            .Where(double.IsFinite)
            .ToArray();
        return new SeparationReport(
            positives.Average(), negatives.Length == 0 ? double.NaN : negatives.Average(), auc, n, negatives.Length, batchSize,
            StandardErrorOfMean(rowDeltas), HanleyMcNeil(auc, n, negatives.Length));
    }

    /// <summary>The 95% interval of Δ: Δ ± 1.96 standard errors, or null when the error is unknown.</summary>
    public (double Low, double High)? DeltaInterval =>
        double.IsFinite(DeltaStandardError) ? (Delta - Z95 * DeltaStandardError, Delta + Z95 * DeltaStandardError) : null;

    /// <summary>The 95% interval of the AUC: AUC ± 1.96 standard errors within [0, 1], or null when the error is unknown.</summary>
    public (double Low, double High)? AucInterval =>
        double.IsFinite(AucStandardError) ? (Math.Max(0, Auc - Z95 * AucStandardError), Math.Min(1, Auc + Z95 * AucStandardError)) : null;

    /// <summary>Δ ("delta") as a criterion with its interval.</summary>
    public Figure DeltaFigure => Figure.Criterion("delta", Delta, DeltaInterval);

    /// <summary>The separation's figures: "delta" and "auc", each a criterion with its interval.</summary>
    public IReadOnlyList<Figure> Figures() => [DeltaFigure, Figure.Criterion("auc", Auc, AucInterval)];

    private const double Z95 = 1.959963984540054;

    private static double StandardErrorOfMean(double[] values)
    {
        if (values.Length < 2)
            return double.NaN;
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return Math.Sqrt(variance / values.Length);
    }

    // Hanley & McNeil (1982), Radiology 143:29-36, equation 2, with n1 positives and n2 negatives.
    private static double HanleyMcNeil(double auc, long n1, long n2)
    {
        if (!double.IsFinite(auc) || n1 < 1 || n2 < 1)
            return double.NaN;
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = (auc * (1 - auc) + (n1 - 1) * (q1 - auc * auc) + (n2 - 1) * (q2 - auc * auc)) / ((double)n1 * n2);
        return Math.Sqrt(Math.Max(0, variance));
    }

    private static (int First, int Length) BatchOf(int row, int count, int batchSize)
    {
        var first = row / batchSize * batchSize;
        return (first, Math.Min(batchSize, count - first));
    }
}
