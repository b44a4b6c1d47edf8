namespace Nvf.Core.Data;

/// <summary>
/// What <see cref="TopicPayloadGenerator"/> draws: <paramref name="Count"/> unit float32 vectors of
/// <paramref name="Dimension"/>, each normalize(centroid + noise) around one of
/// <paramref name="Topics"/> random unit centroids, the noise having Euclidean norm about
/// <paramref name="Spread"/> (per-dimension standard deviation Spread / sqrt(Dimension), so the
/// spread means the same thing at every dimension). Topics = 0 is the isotropic mode: uniformly
/// random unit vectors. A share <paramref name="DuplicateShare"/> of the rows are exact copies of
/// other rows, like the repeated chunks of a real corpus. Everything is fixed by <paramref name="Seed"/>.
/// </summary>
/// <param name="Count">Rows to generate (N), >= 1.</param>
/// <param name="Dimension">Length of each vector (d), >= 1.</param>
/// <param name="Topics">Number of topic centroids (T), >= 0; 0 = isotropic.</param>
/// <param name="Spread">Within-topic noise norm relative to the unit centroid, >= 0; ignored when isotropic.</param>
/// <param name="DuplicateShare">Fraction of rows that are exact copies of another row, in [0, 0.5].</param>
/// <param name="Seed">Seed of every random draw.</param>
public sealed record TopicPayloadSpec(int Count, int Dimension, int Topics, double Spread, double DuplicateShare, ulong Seed)
{
    /// <summary>
    /// The default within-topic spread. Chosen by measurement (see docs/native.md, FAISS): at
    /// 1.0 two vectors of one topic have cosine about 1 / (1 + 1.0^2) = 0.5 and vectors of
    /// different topics about 0, a nearest-neighbour structure like sentence embeddings', while
    /// IVF-Flat at nprobe 64 still finds most true nearest neighbours of fresh queries.
    /// </summary>
    public const double DefaultSpread = 1.0;

    /// <summary>Default topic count for the payload at the seed's scale (about 584 rows per topic).</summary>
    public const int DefaultTopics = 1000;

    /// <summary>Default share of exact duplicate rows (2%).</summary>
    public const double DefaultDuplicateShare = 0.02;

    /// <summary>
    /// The payload at the seed's real scale (pure-infonce-sanity-report.md: 584k Wikipedia chunks,
    /// 768-d unit vectors), clustered with the defaults above.
    /// </summary>
    public static TopicPayloadSpec SeedScale(ulong seed) =>
        new(584_000, 768, DefaultTopics, DefaultSpread, DefaultDuplicateShare, seed);
}
