namespace Nvf.Core.Data;

/// <summary>
/// How an <see cref="ArticleCorpus"/> really looks, in mean cosines (double): neighbouring chunks,
/// chunks <see cref="Lag"/> apart, random pairs within an article, pairs from different articles of
/// one topic, and random pairs of the whole payload. Pairs are sampled with a fixed seed.
/// </summary>
/// <param name="Consecutive">Mean cosine of chunk j and j + 1 over every article.</param>
/// <param name="Lag">The lag of <paramref name="Lagged"/> (the context length, 5).</param>
/// <param name="Lagged">Mean cosine of chunk j and j + Lag over every article.</param>
/// <param name="SameArticle">Mean cosine of random chunk pairs (distinct) of one article.</param>
/// <param name="SameTopic">Mean cosine of random chunk pairs from two different articles of one topic.</param>
/// <param name="RandomPairs">Mean cosine of random pairs of distinct payload rows.</param>
/// <param name="SampledPairs">Pairs sampled for each of the three random means.</param>
public sealed record ArticleCorpusProfile(
    double Consecutive, int Lag, double Lagged, double SameArticle, double SameTopic, double RandomPairs, int SampledPairs)
{
    /// <summary>Measures <paramref name="corpus"/>; <paramref name="pairs"/> random pairs per sampled mean.</summary>
    public static ArticleCorpusProfile Measure(ArticleCorpus corpus, int lag = 5, int pairs = 20_000, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (lag <= 0)
            throw new ArgumentOutOfRangeException(nameof(lag), lag, "expected a lag >= 1");
        if (pairs <= 0)
            throw new ArgumentOutOfRangeException(nameof(pairs), pairs, "expected at least one pair");
        var payload = corpus.Payload;
        double Cos(int a, int b) => VectorMath.Cosine(payload.Row(a), payload.Row(b));

        double MeanAtLag(int k)
        {
            double sum = 0;
            long n = 0;
            for (var a = 0; a < corpus.ArticleCount; a++)
            {
                var start = corpus.ArticleStart(a);
                for (var j = 0; j + k < corpus.ChunkCount(a); j++, n++)
                    sum += Cos(start + j, start + j + k);
            }
            return n == 0 ? double.NaN : sum / n;
        }

        var byTopic = Enumerable.Range(0, corpus.ArticleCount).GroupBy(a => corpus.ArticleTopics[a])
            .Where(g => g.Count() >= 2).Select(g => g.ToArray()).ToArray();
        var random = new SeededRandom(seed);
        double sameArticle = 0, sameTopic = 0, randomPairs = 0;
        for (var p = 0; p < pairs; p++)
        {
            var a = random.NextInt(corpus.ArticleCount);
            var n = corpus.ChunkCount(a);
            var i = random.NextInt(n);
            var j = (i + 1 + random.NextInt(n - 1)) % n;
            sameArticle += Cos(corpus.ArticleStart(a) + i, corpus.ArticleStart(a) + j);

            if (byTopic.Length > 0)
            {
                var group = byTopic[random.NextInt(byTopic.Length)];
                var x = random.NextInt(group.Length);
                var y = (x + 1 + random.NextInt(group.Length - 1)) % group.Length;
                sameTopic += Cos(RandomChunk(corpus, group[x], random), RandomChunk(corpus, group[y], random));
            }

            var r = random.NextInt(payload.Count);
            var s = (r + 1 + random.NextInt(payload.Count - 1)) % payload.Count;
            randomPairs += Cos(r, s);
        }
        return new ArticleCorpusProfile(MeanAtLag(1), lag, MeanAtLag(lag), sameArticle / pairs,
            byTopic.Length == 0 ? double.NaN : sameTopic / pairs, randomPairs / pairs, pairs);
    }

    private static int RandomChunk(ArticleCorpus corpus, int article, SeededRandom random) =>
        corpus.ArticleStart(article) + random.NextInt(corpus.ChunkCount(article));
}
