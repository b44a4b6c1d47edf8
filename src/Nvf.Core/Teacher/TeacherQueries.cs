using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;

namespace Nvf.Core.Teacher;

/// <summary>
/// The queries the teacher logs, labelled by the generator (exact cosine nearest neighbour): the
/// very query sets the NVF trainers and evaluation draw for the same configs, so a model trained
/// from a store's log and one trained on generator labels differ only in who labelled the queries.
/// </summary>
public static class TeacherQueries
{
    /// <summary>Soft attention's training queries for <paramref name="config"/> (its count and seed, stream <see cref="QueryStream.SoftAttentionTraining"/>).</summary>
    public static QuerySet SoftAttentionTraining(NvfDatabase database, SoftAttentionConfig config)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(config);
        return QuerySetGenerator.UniformNearestNeighbour(database.Vectors, config.TrainingQueries, QueryStreams.Seed(config.Seed, QueryStream.SoftAttentionTraining));
    }

    /// <summary>The reranker's training queries for <paramref name="config"/> (its count and seed, stream <see cref="QueryStream.RerankerTraining"/>).</summary>
    public static QuerySet RerankerTraining(NvfDatabase database, RerankerConfig config)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(config);
        return QuerySetGenerator.UniformNearestNeighbour(database.Vectors, config.TrainingQueries, QueryStreams.Seed(config.Seed, QueryStream.RerankerTraining));
    }

    /// <summary><paramref name="count"/> held-out queries: the NVF features' fresh evaluation queries for this database.</summary>
    public static QuerySet Evaluation(NvfDatabase database, int count) =>
        NvfQueryDistribution.UniformNearestNeighbour.Draw(database, count, QueryStream.Evaluation);
}
