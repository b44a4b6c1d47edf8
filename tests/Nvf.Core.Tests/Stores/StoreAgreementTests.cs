using FluentAssertions;
using Nvf.Core.Stores;
using Xunit;

namespace Nvf.Core.Tests.Stores;

public sealed class StoreAgreementTests
{
    private static StoreSearchResult One(VectorMetric metric, params (long Id, float Score)[] hits) =>
        new(hits.Select(h => h.Id).ToArray(), hits.Select(h => h.Score).ToArray(), 1, hits.Length, metric);

    [Fact]
    public void Identical_lists_agree_identically()
    {
        var a = One(VectorMetric.Cosine, (1, 0.9f), (2, 0.8f), (3, 0.7f));
        var report = StoreAgreement.Compare(a, a, 1e-6);
        (report.IdenticalRankings, report.EquivalentUpToTies, report.MeanOverlap, report.MaxRankScoreDifference).Should().Be((1, 1, 1.0, 0.0));
        report.AllEquivalent.Should().BeTrue();
    }

    [Fact]
    public void Tied_ids_in_swapped_order_are_equivalent_but_not_identical()
    {
        var a = One(VectorMetric.InnerProduct, (1, 0.9f), (2, 0.5f), (3, 0.5f));
        var b = One(VectorMetric.InnerProduct, (1, 0.9f), (3, 0.5f), (2, 0.5f));
        var report = StoreAgreement.Compare(a, b, 1e-6);
        (report.IdenticalRankings, report.EquivalentUpToTies).Should().Be((0, 1));
    }

    [Fact]
    public void A_different_id_tied_at_the_cut_off_is_equivalent()
    {
        var a = One(VectorMetric.InnerProduct, (1, 0.9f), (2, 0.4f));
        var b = One(VectorMetric.InnerProduct, (1, 0.9f), (9, 0.4f));
        var report = StoreAgreement.Compare(a, b, 1e-6);
        report.AllEquivalent.Should().BeTrue();
        report.MeanOverlap.Should().Be(0.5);
    }

    [Fact]
    public void A_different_id_inside_the_list_is_a_disagreement_even_with_matching_scores()
    {
        // Same score profile, but id 2 (score 0.8) is missing from b although it beats b's cut-off 0.5.
        var a = One(VectorMetric.Cosine, (1, 0.9f), (2, 0.8f), (3, 0.5f));
        var b = One(VectorMetric.Cosine, (1, 0.9f), (7, 0.8f), (3, 0.5f));
        var report = StoreAgreement.Compare(a, b, 1e-6);
        report.AllEquivalent.Should().BeFalse();
        report.Disagreements.Should().Equal(0);
        report.ToString().Should().Contain("0/1 queries agree").And.Contain("first disagreeing queries: 0");
    }

    [Fact]
    public void Scores_outside_the_tolerance_are_a_disagreement_and_the_difference_is_reported()
    {
        var a = One(VectorMetric.Cosine, (1, 0.9f), (2, 0.8f));
        var b = One(VectorMetric.Cosine, (2, 0.9f), (1, 0.8f));
        var report = StoreAgreement.Compare(a, b, 1e-3);
        report.EquivalentUpToTies.Should().Be(0);
        report.MaxRankScoreDifference.Should().Be(0, "the ids swapped but the rank scores coincide");
        var c = One(VectorMetric.Cosine, (1, 0.9f), (2, 0.75f));
        StoreAgreement.Compare(a, c, 1e-3).MaxRankScoreDifference.Should().BeApproximately(0.05, 1e-6);
        StoreAgreement.Compare(a, c, 1e-3).AllEquivalent.Should().BeFalse();
    }

    [Fact]
    public void Missing_results_must_be_missing_on_both_sides()
    {
        var a = One(VectorMetric.InnerProduct, (1, 0.9f), (-1, float.NaN));
        var b = One(VectorMetric.InnerProduct, (1, 0.9f), (2, 0.1f));
        StoreAgreement.Compare(a, a, 1e-6).AllEquivalent.Should().BeTrue();
        StoreAgreement.Compare(a, b, 1e-6).AllEquivalent.Should().BeFalse();
    }

    [Fact]
    public void Results_of_different_shape_or_metric_are_refused()
    {
        var a = One(VectorMetric.Cosine, (1, 0.9f));
        var b = One(VectorMetric.Euclidean, (1, 0.9f));
        FluentActions.Invoking(() => StoreAgreement.Compare(a, b, 1e-6)).Should().Throw<ArgumentException>().WithMessage("*same shape and metric*Cosine*Euclidean*");
        FluentActions.Invoking(() => StoreAgreement.Compare(a, a, double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Euclidean_is_compared_on_squared_distances()
    {
        // A self-match FAISS scores 2.3e-5 squared (0.0048 as a distance) against an exact 0.
        var exact = One(VectorMetric.Euclidean, (1, 0f), (2, 3f));
        var faiss = One(VectorMetric.Euclidean, (1, MathF.Sqrt(2.3e-5f)), (2, 3f));
        var report = StoreAgreement.Compare(exact, faiss, 1e-4);
        report.AllEquivalent.Should().BeTrue();
        report.MaxRankScoreDifference.Should().BeApproximately(2.3e-5, 1e-9);
    }
}
