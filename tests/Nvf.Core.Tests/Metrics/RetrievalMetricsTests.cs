using FluentAssertions;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Metrics;

public sealed class RetrievalMetricsTests
{
    // Four queries, k = 3; -1 pads lists that came back short.
    private static readonly RankedLists Lists = new(
    [
        7, 3, 9,
        3, 7, -1,
        -1, -1, -1,
        1, 2, 4,
    ], 3);

    [Fact]
    public void Recall_counts_the_truth_within_k_and_never_matches_padding()
    {
        long[] truth = [7, 7, 5, 4];
        RetrievalMetrics.RecallAtK(Lists, truth, 1).Successes.Should().Be(1);
        RetrievalMetrics.RecallAtK(Lists, truth, 2).Successes.Should().Be(2);
        RetrievalMetrics.RecallAtK(Lists, truth, 3).Successes.Should().Be(3);
        RetrievalMetrics.RecallAtK(Lists, truth, 3).Trials.Should().Be(4);
    }

    [Fact]
    public void Contain_accepts_any_of_a_set_such_as_duplicates()
    {
        var accepted = new IReadOnlySet<long>[] { new HashSet<long> { 3 }, new HashSet<long> { 9, 7 }, new HashSet<long> { 0 }, new HashSet<long> { 8 } };
        RetrievalMetrics.ContainAtK(Lists, accepted, 1).Successes.Should().Be(0);
        RetrievalMetrics.ContainAtK(Lists, accepted, 2).Successes.Should().Be(2);
    }

    [Fact]
    public void Truth_of_minus_one_is_refused()
    {
        var act = () => RetrievalMetrics.RecallAtK(Lists, [7, 7, -1, 4], 3);
        act.Should().Throw<ArgumentException>().WithMessage("truth[2] = -1; expected a non-negative id*");
    }

    [Fact]
    public void K_beyond_the_lists_is_refused()
    {
        var act = () => RetrievalMetrics.RecallAtK(Lists, [7, 7, 5, 4], 4);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*expected 1 <= k <= 3*");
    }

    [Fact]
    public void Top_k_accuracy_breaks_ties_towards_the_lower_index()
    {
        float[] scores =
        [
            0.1f, 0.9f, 0.5f,   // label 1 is best
            0.5f, 0.5f, 0.1f,   // label 1 ties with class 0, which comes first: rank 1
            0.3f, 0.2f, 0.1f,   // label 2 is last: rank 2
        ];
        int[] labels = [1, 1, 2];
        RetrievalMetrics.TopKAccuracy(scores, 3, labels, 1).Successes.Should().Be(1);
        RetrievalMetrics.TopKAccuracy(scores, 3, labels, 2).Successes.Should().Be(2);
        RetrievalMetrics.TopKAccuracy(scores, 3, labels, 3).Successes.Should().Be(3);
    }
}
