using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.Index;
using Nvf.Core.InfoNce;
using Nvf.Core.Plumbing;
using Nvf.Core.Retrieval;
using Nvf.Core.Tests.InfoNce;
using Nvf.Faiss;
using Xunit;

namespace Nvf.Core.Tests.Plumbing;

[Collection(TorchCollection.Name)]
public class PlumbingCheckTests
{
    [Fact]
    public void Oracle_recall_passes_on_the_payload_and_explains_every_miss_as_a_duplicate_tie()
    {
        var session = SmallGate.Session();
        var result = session.OracleRecall(OracleIndexVariant.Payload);
        result.Outcome.Passed.Should().BeTrue(string.Join("; ", result.Outcome.Failures));
        result.Recall.MissesAtOne.Should().OnlyContain(m => m.Kind == OracleMissKind.DuplicateTie);
        result.Recall.OwnIdRecall(1).Should().Be(1.0 - (double)result.Recall.TieCount / result.Recall.QueryCount);
        result.Recall.Recall(1).Should().Be(1.0, "an identical copy ranked first counts as the vector finding itself");
    }

    [Theory]
    [InlineData(OracleIndexVariant.IdsShiftedByOne, "R@5")]
    [InlineData(OracleIndexVariant.UnnormalizedInnerProduct, "lost rank 1")]
    public void Oracle_recall_controls_fail(OracleIndexVariant variant, string firstFailure)
    {
        var result = SmallGate.Session().OracleRecall(variant);
        result.Outcome.Passed.Should().BeFalse();
        result.Outcome.Failures.Should().Contain(f => f.Contains(firstFailure, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_miss_is_a_fault_without_duplicate_knowledge()
    {
        var payload = TopicPayloadGenerator.Generate(new TopicPayloadSpec(4000, 32, 20, 1.0, 0.02, 5));
        using var index = IvfFlatBuilder.Build(payload.Vectors, FaissMetric.InnerProduct, 1).Index;
        index.Nprobe = Math.Min(64, index.ListCount);
        var withDuplicates = OracleRecallCheck.Run(index, payload.Vectors, 2000, 9, (a, b) => payload.AreDuplicates((int)a, (int)b));
        var without = OracleRecallCheck.Run(index, payload.Vectors, 2000, 9, null);
        withDuplicates.Recall.TieCount.Should().BeGreaterThan(0, "2% duplicates: some self-queries tie with their copy");
        withDuplicates.Outcome.Passed.Should().BeTrue();
        without.Recall.FaultCount.Should().Be(withDuplicates.Recall.TieCount, "the same misses, unexplained");
        without.Outcome.Passed.Should().BeFalse();
    }

    [Fact]
    public void Normalization_passes_on_unit_vectors_and_fails_on_scaled_ones_or_an_l2_index()
    {
        var session = SmallGate.Session();
        session.Normalization().Outcome.Passed.Should().BeTrue();
        session.UnnormalizedNormalization().Outcome.Passed.Should().BeFalse();
        NormalizationCheck.Run(session.Data.Payload, FaissMetric.L2).Outcome.Failures.Should().ContainSingle().Which.Should().Contain("L2");
        var scaled = NegativeControls.ScaledByRandomNorms(session.Data.Payload, 100, 1);
        NormStatisticsOf(scaled).Should().OnlyContain(n => n >= NegativeControls.MinimumNorm - 1e-5 && n <= NegativeControls.MaximumNorm + 1e-5);
    }

    [Fact]
    public void Unit_vectors_stored_as_float16_fail_the_seeds_tolerance_with_the_reason_and_the_fix()
    {
        // As a researcher saves embeddings at half precision: unit in float32, then rounded to float16 and widened back.
        var rng = new Random(3);
        var data = new float[200 * 384];
        for (var r = 0; r < 200; r++)
        {
            var row = data.AsSpan(r * 384, 384);
            for (var c = 0; c < 384; c++)
                row[c] = (float)(rng.NextDouble() - 0.5);
            var norm = MathF.Sqrt(row.ToArray().Sum(x => x * x));
            for (var c = 0; c < 384; c++)
                row[c] = (float)(Half)(row[c] / norm);
        }

        var result = NormalizationCheck.Run(new VectorSet(data, 200, 384), FaissMetric.InnerProduct);

        result.Outcome.Passed.Should().BeFalse("the seed's payload was normalized to 1e-6; half precision is not");
        result.Outcome.Failures.Should().Contain(f => f.Contains("the rounding of unit vectors stored as float16: normalize in float32 and save float32", StringComparison.Ordinal));
        var scaled = NegativeControls.ScaledByRandomNorms(new VectorSet(data, 200, 384), 100, 1);
        NormalizationCheck.Run(scaled, FaissMetric.InnerProduct).Outcome.Failures.Should().NotContain(f => f.Contains("float16", StringComparison.Ordinal),
            "an unnormalized payload is not blamed on rounding");
    }

    [Fact]
    public void Eval_alignment_passes_and_fails_with_keys_off_by_one()
    {
        var session = SmallGate.Session();
        var good = session.Alignment();
        good.Outcome.Passed.Should().BeTrue();
        good.Statistics!.Min.Should().BeApproximately(1.0, 1e-6);
        var shifted = session.Alignment(keysShiftedByOne: true);
        shifted.Outcome.Passed.Should().BeFalse();
        shifted.Statistics!.Mean.Should().BeLessThan(0.99);
    }

    [Fact]
    public void Provenance_records_the_file_hash_shapes_and_flags_the_leakage()
    {
        var provenance = SmallGate.Session().Provenance();
        File.Exists(provenance.File.Path).Should().BeTrue();
        provenance.File.Sha256.Should().HaveLength(64);
        provenance.Contexts.Should().Equal(200, 5, 768);
        provenance.LeakedShare.Should().BeApproximately(0.915, 0.05, "the split reproduces the seed's leakage");
        provenance.LeakageFlagged.Should().BeTrue();
    }

    [Fact]
    public void The_summary_table_keeps_unmeasured_rows_pending()
    {
        var session = SmallGate.Session();
        var rows = SanitySummary.Build(session.Normalization(), session.OracleRecall(OracleIndexVariant.Payload), session.Alignment(), (AutoEvaluationReport?)null, 64);
        rows.Select(r => r.Check).Should().Equal("Vector norm", "FAISS metric", "Oracle R@5", "Eval alignment", "Pos/neg separation", "R@5 (IVF nprobe=64)", "Decision gate");
        rows.Take(4).Should().OnlyContain(r => r.Status == "✅ PASS");
        rows.Skip(4).Should().OnlyContain(r => r.IsPending);
    }

    private static double[] NormStatisticsOf(VectorSet vectors) =>
        Enumerable.Range(0, vectors.Count).Select(i => VectorMath.Norm(vectors.Row(i))).ToArray();
}
