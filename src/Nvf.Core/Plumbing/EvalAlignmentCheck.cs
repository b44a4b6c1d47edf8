using System.Globalization;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Metrics;

namespace Nvf.Core.Plumbing;

/// <summary>
/// Eval alignment (pure-infonce-sanity-report.md, "Eval Alignment"): for 100 random eval samples,
/// the cosine of the target with payload[truth_key]. Passes when every sampled target is aligned
/// (cosine > 0.999; the seed saw mean = min = 1.000000, 100/100) and every key names a payload row.
/// </summary>
public static class EvalAlignmentCheck
{
    /// <summary>
    /// Samples <paramref name="samples"/> eval rows by <paramref name="seed"/>; <paramref name="truthKeys"/>
    /// replaces the eval set's own keys (e.g. the off-by-one control), default its own.
    /// </summary>
    public static EvalAlignmentCheckResult Run(GateData data, int samples, ulong seed, IReadOnlyList<TruthKey>? truthKeys = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var keys = truthKeys ?? data.Eval.TruthKeys;
        if (keys.Count != data.Eval.Count)
            throw new ArgumentException($"{keys.Count} truth keys for {data.Eval.Count} eval samples; expected one per sample", nameof(truthKeys));
        if (samples <= 0 || samples > data.Eval.Count)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"expected 1 to {data.Eval.Count} samples");
        var picked = new SeededRandom(seed).Permutation(data.Eval.Count)[..samples];
        var rows = picked.Select(i => data.Keys.RowOf(keys[i])).ToArray();
        var mapped = Enumerable.Range(0, samples).Where(i => rows[i] >= 0).ToArray();
        var d = data.Eval.Dimension;
        var targets = new VectorSet(new float[mapped.Length * d], mapped.Length, d);
        for (var i = 0; i < mapped.Length; i++)
            data.Eval.Targets.Row(picked[mapped[i]]).CopyTo(targets.Row(i));
        var statistics = mapped.Length == 0 ? null : AlignmentStatistics.Measure(targets, data.PayloadRows, mapped.Select(i => rows[i]).ToArray());
        var unmapped = samples - mapped.Length;
        var aligned = statistics?.Aligned.Successes ?? 0;
        var outcome = CheckOutcome.Of(
            (unmapped == 0, Text($"{unmapped} of {samples} truth keys name no payload row")),
            (aligned == samples, Text($"only {aligned} of {samples} targets have cosine > {AlignmentStatistics.SeedThreshold} with payload[truth_key]")));
        return new EvalAlignmentCheckResult(samples, statistics, unmapped, DateTimeOffset.UtcNow, outcome);
    }

    /// <summary>The negative control's keys: every chunk index moved on by one (an off-by-one error).</summary>
    public static TruthKey[] ShiftedByOneChunk(IReadOnlyList<TruthKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Select(k => k with { Chunk = k.Chunk + 1 }).ToArray();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
