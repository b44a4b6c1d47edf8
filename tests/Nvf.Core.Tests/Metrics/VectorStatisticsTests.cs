using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Metrics;

public sealed class VectorStatisticsTests
{
    [Fact]
    public void Norm_statistics_in_double_with_population_std()
    {
        // Norms 5, 1, 3 (3-4-5 triangle, unit, 3 * unit).
        var stats = NormStatistics.Measure(new VectorSet([3, 4, 0, 1, 0, 3], 3, 2));
        stats.Mean.Should().Be(3);
        stats.Min.Should().Be(1);
        stats.Max.Should().Be(5);
        stats.Std.Should().BeApproximately(Math.Sqrt(8.0 / 3), 1e-12);
        stats.AllUnit().Should().BeFalse();
    }

    [Fact]
    public void Random_unit_vectors_pass_the_seeds_normalisation_check_and_scaled_ones_fail()
    {
        var payload = RandomUnitVectors.Generate(2000, 768, 5);
        var stats = NormStatistics.Measure(payload);
        stats.AllUnit(1e-5).Should().BeTrue($"min {stats.Min}, max {stats.Max}");
        foreach (ref var x in payload.Data.AsSpan(0, 768))
            x *= 1.001f;
        NormStatistics.Measure(payload).AllUnit(1e-5).Should().BeFalse("the control scales one row by 1.001");
    }

    [Fact]
    public void Alignment_is_perfect_for_the_right_rows_and_fails_off_by_one()
    {
        var payload = RandomUnitVectors.Generate(300, 768, 9);
        var rows = Enumerable.Range(0, 100).Select(i => 3 * i).ToArray();
        var targets = new VectorSet(rows.SelectMany(r => payload.Row(r).ToArray()).ToArray(), rows.Length, 768);

        var right = AlignmentStatistics.Measure(targets, payload, rows);
        right.Min.Should().BeGreaterThan(0.999999);
        right.Aligned.Successes.Should().Be(100);

        var offByOne = AlignmentStatistics.Measure(targets, payload, rows.Select(r => r + 1).ToArray());
        offByOne.Aligned.Successes.Should().Be(0);
        offByOne.Mean.Should().BeApproximately(0, 0.02, "random 768-d unit vectors are nearly orthogonal (std 1/sqrt(768) = 0.036 per pair)");
    }

    [Fact]
    public void Separation_of_perfect_noisy_and_shuffled_predictions()
    {
        var targets = RandomUnitVectors.Generate(600, 64, 3);
        var perfect = SeparationReport.Measure(targets, targets, batchSize: 256);
        perfect.PositiveMean.Should().BeApproximately(1, 1e-6);
        perfect.Auc.Should().Be(1);
        perfect.Negatives.Should().Be(256 * 255 * 2 + 88 * 87, "batches of 256, 256 and 88 rows");

        var shuffled = new VectorSet(new float[targets.Data.Length], 600, 64);
        for (var i = 0; i < 600; i++)
            targets.Row((i + 1) % 600).CopyTo(shuffled.Row(i));
        var control = SeparationReport.Measure(shuffled, targets, batchSize: 256);
        control.Delta.Should().BeLessThan(0.05, "predictions paired with the wrong targets have no separation");
        control.Auc.Should().BeLessThan(0.6);
    }
}
