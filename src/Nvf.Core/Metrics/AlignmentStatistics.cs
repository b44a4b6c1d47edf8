using Nvf.Core.Data;

namespace Nvf.Core.Metrics;

/// <summary>
/// How well eval targets match the payload rows their truth keys name (pure-infonce-sanity-report.md,
/// "Eval Alignment": mean cosine, min cosine, share with cosine above 0.999), in double.
/// </summary>
/// <param name="Mean">Mean cosine of target i with payload row rows[i].</param>
/// <param name="Min">Smallest such cosine.</param>
/// <param name="Aligned">Pairs whose cosine exceeds <paramref name="Threshold"/>, with its Wilson interval.</param>
/// <param name="Threshold">The alignment threshold (0.999 in the seed).</param>
public sealed record AlignmentStatistics(double Mean, double Min, ProportionEstimate Aligned, double Threshold)
{
    /// <summary>The seed's threshold: a target is aligned when its cosine with its payload row exceeds 0.999.</summary>
    public const double SeedThreshold = 0.999;

    /// <summary>
    /// Compares target i (float32 (N, D)) with payload row <paramref name="payloadRows"/>[i] of
    /// <paramref name="payload"/> (float32 (M, D)).
    /// </summary>
    public static AlignmentStatistics Measure(VectorSet targets, IVectorRows payload, IReadOnlyList<int> payloadRows, double threshold = SeedThreshold)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(payloadRows);
        if (payloadRows.Count != targets.Count)
            throw new ArgumentException($"{payloadRows.Count} payload rows for {targets.Count} targets; expected one per target", nameof(payloadRows));
        if (targets.Dimension != payload.Dimension)
            throw new ArgumentException($"targets have dimension {targets.Dimension}, payload {payload.Dimension}; expected equal", nameof(payload));
        if (targets.Count == 0)
            throw new ArgumentException("no targets; expected at least one", nameof(targets));
        var cosines = new double[targets.Count];
        for (var i = 0; i < cosines.Length; i++)
        {
            var row = payloadRows[i];
            if ((uint)row >= (uint)payload.Count)
                throw new ArgumentOutOfRangeException(nameof(payloadRows), row, $"payloadRows[{i}] = {row}; expected a row in [0, {payload.Count})");
        }
        var rows = payload.Gather(payloadRows);
        Parallel.For(0, cosines.Length, i => cosines[i] = VectorMath.Cosine(targets.Row(i), rows.Row(i)));
        var aligned = cosines.LongCount(c => c > threshold);
        return new AlignmentStatistics(cosines.Average(), cosines.Min(), ProportionEstimate.Wilson(aligned, cosines.Length), threshold);
    }
}
