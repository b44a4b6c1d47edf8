using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Index;
using Xunit;

namespace Nvf.Faiss.Tests;

/// <summary>The oracle-recall service on small indexes whose every miss is known in advance.</summary>
public class OracleRecallTests
{
    private const int D = 16;

    [Fact]
    public void A_duplicate_ranked_first_is_a_tie_and_a_louder_vector_ranked_first_is_a_fault()
    {
        var data = TestVectors.Unit(50, D, 1);
        data.AsSpan(3 * D, D).CopyTo(data.AsSpan(40 * D, D)); // row 40 duplicates row 3
        for (var j = 0; j < D; j++)
            data[41 * D + j] = 2 * data[7 * D + j]; // row 41 = 2 x row 7: outscores row 7 on inner product
        using var index = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);
        index.Add(data, D);
        long[] ids = [3, 40, 7, 20];
        var queries = ids.SelectMany(id => data.AsSpan((int)id * D, D).ToArray()).ToArray();

        var recall = OracleRecall.Measure(index, queries, D, ids, [1, 2, 5], (a, b) => a == b || (a + b == 43 && Math.Abs(a - b) == 37));

        recall.QueryCount.Should().Be(4);
        recall.Recall(2).Should().Be(1.0);
        recall.Recall(5).Should().Be(1.0);
        recall.FaultCount.Should().Be(1);
        var fault = recall.MissesAtOne.Single(m => m.Kind == OracleMissKind.Fault);
        (fault.ExpectedId, fault.RankedFirstId, fault.ExpectedRank).Should().Be((7L, 41L, 1));
        recall.MissesAtOne.Where(m => m.Kind == OracleMissKind.DuplicateTie).Should().OnlyContain(m => m.ExpectedId == 3 || m.ExpectedId == 40);
        // Rows 3 and 40 tie exactly: one of them loses rank 1, never both.
        recall.TieCount.Should().Be(1);
        recall.OwnIdRecall(1).Should().Be(0.5, "one of the tied pair and the outscored row 7 lose rank 1 by own id");
        recall.Recall(1).Should().Be(0.75, "the tie is the vector finding itself; only row 7's fault is a miss");
        recall.CopiesMet.Should().Equal(2, 2);
        fault.ToString().Should().Contain("a different vector: a fault").And.Contain("own id at rank 2");
    }

    [Fact]
    public void Without_duplicate_knowledge_every_miss_is_a_fault_and_unmeasured_k_is_refused()
    {
        var data = TestVectors.Unit(20, D, 2);
        data.AsSpan(0, D).CopyTo(data.AsSpan(D, D));
        using var index = FaissIndex.CreateFlat(D, FaissMetric.InnerProduct);
        index.Add(data, D);

        var recall = OracleRecall.Measure(index, data.AsSpan(0, 2 * D), D, [0L, 1L], [1, 3]);

        recall.FaultCount.Should().Be(1);
        FluentActions.Invoking(() => recall.Recall(10)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*R@10 was not measured*");
        FluentActions.Invoking(() => OracleRecall.Measure(index, data.AsSpan(0, 2 * D), D, [0L], [1]))
            .Should().Throw<ArgumentException>().WithMessage("*one id per query row*");
    }

    [Theory]
    [InlineData(584_000, 3072, 122_880)]
    [InlineData(100_000, 1280, 51_200)]
    [InlineData(1_000, 25, 1_000)]
    public void Ivf_sizing_follows_faiss_guidance(int n, int lists, int training)
    {
        var sizing = IvfSizing.ForCount(n);

        sizing.ListCount.Should().Be(lists);
        sizing.TrainingCount.Should().Be(training);
        sizing.TrainingCount.Should().BeGreaterThanOrEqualTo(39 * sizing.ListCount);
    }

    [Fact]
    public void The_training_sample_is_distinct_rows_in_order_and_seeded()
    {
        var vectors = new VectorSet(Enumerable.Range(0, 100 * 2).Select(i => (float)i).ToArray(), 100, 2);

        var sample = IvfFlatBuilder.TrainingSample(vectors, 30, seed: 5);

        var rows = Enumerable.Range(0, 30).Select(i => (int)sample[2 * i] / 2).ToArray();
        rows.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        Enumerable.Range(0, 30).Should().OnlyContain(i => sample[2 * i + 1] == sample[2 * i] + 1, "whole rows are copied");
        IvfFlatBuilder.TrainingSample(vectors, 30, seed: 5).Should().Equal(sample);
        IvfFlatBuilder.TrainingSample(vectors, 100, seed: 5).Should().BeSameAs(vectors.Data);
    }
}
