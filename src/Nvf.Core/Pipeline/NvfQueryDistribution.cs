using Nvf.Core.Data;

namespace Nvf.Core.Pipeline;

/// <summary>
/// The query distribution a scenario evaluates on: the seed's Phase 1 (uniform unit queries
/// labelled with their exact nearest neighbour) or the seed reranker script's noisy copies
/// (database vector + Gaussian noise per dimension, labelled with the source).
/// </summary>
/// <param name="NoisySourceNoise">Null for uniform queries; else the per-dimension noise of the noisy copies.</param>
public sealed record NvfQueryDistribution(double? NoisySourceNoise)
{
    /// <summary>The seed's Phase 1 distribution.</summary>
    public static NvfQueryDistribution UniformNearestNeighbour { get; } = new((double?)null);

    /// <summary>The seed reranker script's distribution with <paramref name="noise"/> per dimension (0.3 in the script).</summary>
    public static NvfQueryDistribution NoisySource(double noise) =>
        noise >= 0 && double.IsFinite(noise) ? new(noise) : throw new ArgumentOutOfRangeException(nameof(noise), noise, "expected a finite noise >= 0");

    /// <summary>
    /// <paramref name="count"/> queries on <paramref name="database"/>, seeded from the database's
    /// seed and <paramref name="stream"/> (fresh evaluation queries: <see cref="QueryStream.Evaluation"/>).
    /// </summary>
    public QuerySet Draw(NvfDatabase database, int count, QueryStream stream)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var seed = QueryStreams.Seed(database.Seed, stream);
        return NoisySourceNoise is { } noise
            ? QuerySetGenerator.NoisyCopies(database.Vectors, count, seed, noise)
            : QuerySetGenerator.UniformNearestNeighbour(database.Vectors, count, seed);
    }
}
