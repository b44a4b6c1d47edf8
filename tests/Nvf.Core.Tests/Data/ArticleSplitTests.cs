using FluentAssertions;
using Nvf.Core.Data;
using Xunit;

namespace Nvf.Core.Tests.Data;

public sealed class ArticleSplitTests
{
    [Fact]
    public void Clean_split_has_no_leakage_and_covers_every_article_once()
    {
        var split = ArticleSplit.Create(1000, 0.1, 0, seed: 5);
        split.EvalArticles.Should().HaveCount(100);
        split.TrainArticles.Should().HaveCount(900);
        split.LeakedShare.Should().Be(0);
        split.TrainArticles.Concat(split.EvalArticles).Order().Should().Equal(Enumerable.Range(0, 1000));
    }

    [Fact]
    public void Seed_leakage_is_reproduced_and_measured()
    {
        // pure-infonce-sanity-report.md evaluated on a set with 91.5% of eval articles seen in training.
        var split = ArticleSplit.Create(2000, 0.1, ArticleSplit.SeedLeakage, seed: 5);
        split.LeakedArticles.Should().HaveCount(183);
        split.LeakedShare.Should().Be(0.915);
        split.TrainArticles.Should().HaveCount(1800 + 183);
        ArticleSplit.Create(2000, 0.1, ArticleSplit.SeedLeakage, seed: 5).TrainArticles.Should().Equal(split.TrainArticles);
    }

    [Fact]
    public void Leakage_of_real_sets_is_measured_from_article_ids()
    {
        var split = ArticleSplit.FromArticles([1, 2, 3, 3, 4], [3, 4, 5, 6]);
        split.LeakedArticles.Should().Equal(3, 4);
        split.LeakedShare.Should().Be(0.5);
    }

    [Fact]
    public void Out_of_range_shares_are_refused()
    {
        var act = () => ArticleSplit.Create(100, 1.0, 0, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*expected an eval share in (0, 1)*");
    }
}
