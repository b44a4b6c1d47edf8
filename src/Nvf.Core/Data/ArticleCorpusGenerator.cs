namespace Nvf.Core.Data;

/// <summary>
/// Draws an <see cref="ArticleCorpus"/> from an <see cref="ArticleCorpusSpec"/>. Topic centroids come
/// from <see cref="SeededRandom.Fork"/>(seed, 0) and article a from Fork(seed, a + 1), so articles are
/// generated in parallel and the corpus is identical for any thread count.
/// </summary>
public static class ArticleCorpusGenerator
{
    /// <summary>Walk steps taken before chunk 0 (the walk forgets its start within a few 1 / Reversion steps).</summary>
    public const int BurnInSteps = 50;

    /// <summary>Generates the corpus described by <paramref name="spec"/>.</summary>
    public static ArticleCorpus Generate(ArticleCorpusSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var d = spec.Dimension;
        var topics = RandomUnitVectors.Generate(spec.Topics, d, SeededRandom.Fork(spec.Seed, 0).NextUInt64());

        // Lengths and topics first (cheap, sequential per article stream), then the vectors.
        var lengths = new int[spec.Articles];
        var articleTopics = new int[spec.Articles];
        for (var a = 0; a < spec.Articles; a++)
        {
            var random = SeededRandom.Fork(spec.Seed, (ulong)a + 1);
            lengths[a] = spec.MinChunks + random.NextInt(spec.MaxChunks - spec.MinChunks + 1);
            articleTopics[a] = random.NextInt(spec.Topics);
        }
        var offsets = new int[spec.Articles + 1];
        for (var a = 0; a < spec.Articles; a++)
            offsets[a + 1] = offsets[a] + lengths[a];

        var payload = new VectorSet(new float[(long)offsets[^1] * d], offsets[^1], d);
        Parallel.For(0, spec.Articles, a =>
        {
            var random = SeededRandom.Fork(spec.Seed, (ulong)a + 1);
            random.NextInt(spec.MaxChunks - spec.MinChunks + 1);
            random.NextInt(spec.Topics);
            WriteArticle(spec, random, topics.Row(articleTopics[a]), payload, offsets[a], lengths[a]);
        });
        return new ArticleCorpus(spec, payload, offsets, articleTopics, topics);
    }

    private static void WriteArticle(ArticleCorpusSpec spec, SeededRandom random, ReadOnlySpan<float> topic,
        VectorSet payload, int start, int length)
    {
        var d = spec.Dimension;
        var perDim = 1.0 / Math.Sqrt(d);
        var centre = new float[d];
        random.FillGaussian(centre, spec.ArticleSpread * perDim);
        for (var j = 0; j < d; j++)
            centre[j] += topic[j];
        var velocity = new float[d];
        random.FillGaussian(velocity, spec.Drift * perDim);
        var walk = new float[d];
        var step = new float[d];
        var innovation = Math.Sqrt(1 - spec.Momentum * spec.Momentum);
        void Step()
        {
            // Velocity keeps its norm ~Drift on average: m^2 + (1 - m^2) = 1.
            random.FillGaussian(step, spec.Drift * perDim * innovation);
            for (var j = 0; j < d; j++)
            {
                velocity[j] = (float)(spec.Momentum * velocity[j]) + step[j];
                walk[j] = (float)((1 - spec.Reversion) * walk[j]) + velocity[j];
            }
        }
        // Burn-in so that an article's first chunks are as far along the walk as its later ones.
        for (var s = 0; s < BurnInSteps; s++)
            Step();
        for (var c = 0; c < length; c++)
        {
            if (c > 0)
                Step();
            var chunk = payload.Row(start + c);
            random.FillGaussian(chunk, spec.ChunkNoise * perDim);
            for (var j = 0; j < d; j++)
                chunk[j] += centre[j] + walk[j];
            VectorMath.Normalize(chunk);
        }
    }
}
