using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Data;

public sealed class ArticleCorpusTests
{
    private static readonly ArticleCorpus Corpus = ArticleCorpusGenerator.Generate(ArticleCorpusSpec.Default(200, 11));

    [Fact]
    public void Keys_and_payload_rows_map_both_ways()
    {
        var total = Enumerable.Range(0, Corpus.ArticleCount).Sum(Corpus.ChunkCount);
        Corpus.Payload.Count.Should().Be(total);
        for (var row = 0; row < total; row += 7)
            Corpus.RowOf(Corpus.KeyOf(row)).Should().Be(row);
        Corpus.KeyOf(Corpus.ArticleStart(3)).Should().Be(new TruthKey(3, 0));
        var act = () => Corpus.RowOf(new TruthKey(3, Corpus.ChunkCount(3)));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"*article 3 has chunks [0, {Corpus.ChunkCount(3)})*");
    }

    [Fact]
    public void Samples_have_the_seed_layout_and_targets_align_with_the_payload()
    {
        var keys = Corpus.SampleKeys([0, 1, 2]);
        keys.Should().HaveCount(Enumerable.Range(0, 3).Sum(a => Corpus.ChunkCount(a) - 5));
        var samples = Corpus.BuildSamples(keys);
        (samples.ContextLength, samples.Dimension).Should().Be((5, 768));
        var rows = keys.Select(Corpus.RowOf).ToArray();
        AlignmentStatistics.Measure(samples.Targets, Corpus.Payload, rows).Aligned.Estimate.Should().Be(1);
        samples.Context(0)[..768].ToArray().Should().Equal(Corpus.Payload.Row(rows[0] - 5).ToArray(), "the context's oldest chunk is 5 before the target");
        samples.Context(0)[(4 * 768)..].ToArray().Should().Equal(Corpus.Payload.Row(rows[0] - 1).ToArray(), "the newest context chunk is the one before the target");
    }

    [Fact]
    public void Articles_depend_only_on_their_own_stream()
    {
        var fewer = ArticleCorpusGenerator.Generate(ArticleCorpusSpec.Default(50, 11));
        var rows = fewer.Payload.Data.Length;
        Corpus.Payload.Data.AsSpan(0, rows).ToArray().Should().Equal(fewer.Payload.Data);
        NormStatistics.Measure(Corpus.Payload).AllUnit().Should().BeTrue();
    }

    [Fact]
    public void Default_geometry_is_predictable_but_not_a_copy()
    {
        // Measured once for the defaults (200 articles, seed 11): consecutive 0.59, lag 5 0.48,
        // same article 0.41, same topic 0.20, random 0.005. The order is what makes the task learnable.
        var profile = ArticleCorpusProfile.Measure(Corpus);
        profile.Consecutive.Should().BeInRange(0.5, 0.7);
        profile.Lagged.Should().BeLessThan(profile.Consecutive - 0.05);
        profile.SameArticle.Should().BeLessThan(profile.Lagged);
        profile.SameTopic.Should().BeInRange(0.1, profile.SameArticle - 0.1);
        profile.RandomPairs.Should().BeApproximately(0, 0.02);
    }

    [Fact]
    public void Reading_the_whole_context_beats_copying_its_last_chunk()
    {
        var split = ArticleSplit.Create(Corpus.ArticleCount, 0.25, 0, seed: 2);
        var eval = Corpus.BuildSamples(Corpus.SampleKeys(split.EvalArticles));
        var last = SeparationReport.Measure(ContextBaselines.LastChunk(eval), eval.Targets);
        var mean = SeparationReport.Measure(ContextBaselines.ContextMean(eval), eval.Targets);
        // Measured: last chunk 0.59, context mean 0.67 positive cosine; both far above negatives.
        mean.PositiveMean.Should().BeGreaterThan(last.PositiveMean + 0.04);
        last.PositiveMean.Should().BeLessThan(0.7, "the next chunk is not a copy of the last one");
        last.Delta.Should().BeGreaterThan(0.15, "the seed's Strong tier is reachable without learning anything exotic");
    }
}
