namespace Nvf.Core.Data;

/// <summary>
/// What <see cref="ArticleCorpusGenerator"/> draws: <paramref name="Articles"/> synthetic articles,
/// each a sequence of unit chunk vectors of <paramref name="Dimension"/> that drift around the
/// article's topic, for the InfoNCE line of work (pure-infonce-sanity-report.md: predict the next
/// chunk from the previous 5). Chunk j of an article is
/// normalize(topic + articleOffset + walk_j + noise_j), where the walk moves with momentum
/// (velocity_j = Momentum * velocity_{j-1} + sqrt(1 - Momentum^2) * step, |step| ~ <paramref name="Drift"/>)
/// and is pulled back towards the article's centre (walk_j = (1 - <paramref name="Reversion"/>) * walk_{j-1} + velocity_j).
/// All spreads are Euclidean norms relative to the unit topic centroid (per-dimension standard
/// deviation = norm / sqrt(Dimension)), as in the topic payload generator.
/// </summary>
/// <param name="Articles">Number of articles A, >= 1.</param>
/// <param name="MinChunks">Fewest chunks per article, >= 2.</param>
/// <param name="MaxChunks">Most chunks per article, >= MinChunks (lengths uniform in between).</param>
/// <param name="Dimension">Chunk vector length (768 in the seed).</param>
/// <param name="Topics">Number of topic centroids, >= 1; each article picks one uniformly.</param>
/// <param name="ArticleSpread">Norm of each article's fixed offset from its topic centroid.</param>
/// <param name="Drift">Norm of the walk's velocity (how far the article moves per chunk).</param>
/// <param name="Momentum">Correlation of consecutive velocities in [0, 1): the walk's direction persists.</param>
/// <param name="Reversion">Pull of the walk back to the article's centre per chunk, in [0, 1].</param>
/// <param name="ChunkNoise">Norm of the per-chunk noise nobody can predict.</param>
/// <param name="Seed">Seed of every draw.</param>
public sealed record ArticleCorpusSpec(
    int Articles, int MinChunks, int MaxChunks, int Dimension, int Topics,
    double ArticleSpread, double Drift, double Momentum, double Reversion, double ChunkNoise, ulong Seed)
{
    /// <summary>
    /// Defaults chosen by measurement (docs/data-and-metrics.md; 200 articles, seed 11):
    /// consecutive chunks have cosine 0.59, chunks five apart 0.48, random chunk pairs of one
    /// article 0.41, chunks of other articles on the same topic 0.20, unrelated chunks 0.005. The
    /// next chunk is predictable but not a copy: predicting it with the last context chunk gives
    /// cosine 0.59, with the mean of the 5-chunk context 0.67, so a model gains by reading the whole
    /// context and still has the per-chunk noise (norm 1.4) it cannot know.
    /// </summary>
    public static ArticleCorpusSpec Default(int articles, ulong seed) =>
        new(articles, MinChunks: 16, MaxChunks: 48, Dimension: 768, Topics: 64,
            ArticleSpread: 0.7, Drift: 0.39, Momentum: 0.7, Reversion: 0.2, ChunkNoise: 1.4, seed);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        Check(Articles >= 1, nameof(Articles), Articles, ">= 1");
        Check(MinChunks >= 2, nameof(MinChunks), MinChunks, ">= 2");
        Check(MaxChunks >= MinChunks, nameof(MaxChunks), MaxChunks, $">= MinChunks ({MinChunks})");
        Check(Dimension >= 1, nameof(Dimension), Dimension, ">= 1");
        Check(Topics >= 1, nameof(Topics), Topics, ">= 1");
        Check(ArticleSpread >= 0, nameof(ArticleSpread), ArticleSpread, ">= 0");
        Check(Drift >= 0, nameof(Drift), Drift, ">= 0");
        Check(Momentum is >= 0 and < 1, nameof(Momentum), Momentum, "in [0, 1)");
        Check(Reversion is >= 0 and <= 1, nameof(Reversion), Reversion, "in [0, 1]");
        Check(ChunkNoise >= 0, nameof(ChunkNoise), ChunkNoise, ">= 0");
        Check((long)Articles * MaxChunks * Dimension <= Array.MaxLength, nameof(Articles), Articles,
            $"small enough that Articles x MaxChunks x Dimension fits one array ({Array.MaxLength} floats)");
    }

    private static void Check(bool ok, string field, object value, string expected)
    {
        if (!ok)
            throw new ArgumentException($"ArticleCorpusSpec.{field} = {value}; expected {expected}", field);
    }
}
