using System.Diagnostics;
using Nvf.Core.Data;
using Nvf.Faiss;

namespace Nvf.Core.Index;

/// <summary>
/// Builds an IVF-Flat index over a whole <see cref="VectorSet"/>, sized by <see cref="IvfSizing"/>:
/// trains on a seeded random sample of rows (rows of a real payload come in article order, so a
/// prefix would not be a sample), then adds every row, ids = row numbers.
/// </summary>
public static class IvfFlatBuilder
{
    /// <summary>FAISS's own default number of k-means iterations (ClusteringParameters::niter).</summary>
    public const int FaissDefaultTrainingIterations = 25;

    /// <summary>
    /// Builds the index; <paramref name="seed"/> picks the training sample. k-means runs
    /// <paramref name="trainingIterations"/> iterations: fewer cost less and hardly matter to oracle
    /// recall, where each vector probes its own list whatever the centroids.
    /// </summary>
    public static IvfBuild Build(VectorSet vectors, FaissMetric metric, ulong seed, int trainingIterations = FaissDefaultTrainingIterations)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var sizing = IvfSizing.ForCount(vectors.Count);
        var index = FaissIndex.CreateIvfFlat(vectors.Dimension, sizing.ListCount, metric);
        try
        {
            index.SetTrainingIterations(trainingIterations);
            var clock = Stopwatch.StartNew();
            index.Train(TrainingSample(vectors, sizing.TrainingCount, seed), vectors.Dimension);
            var train = clock.Elapsed;
            clock.Restart();
            index.Add(vectors.Data, vectors.Dimension);
            return new IvfBuild(index, sizing, train, clock.Elapsed);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="count"/> distinct rows chosen by <paramref name="seed"/>, copied in ascending
    /// row order into one array, shape (count, d). The whole set when count covers it (no copy).
    /// </summary>
    public static float[] TrainingSample(VectorSet vectors, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (count <= 0 || count > vectors.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"expected a sample size in [1, {vectors.Count}]");
        if (count == vectors.Count)
            return vectors.Data;
        var rows = new SeededRandom(seed).Permutation(vectors.Count).AsSpan(0, count).ToArray();
        Array.Sort(rows);
        var sample = new float[(long)count * vectors.Dimension]; // (count, d)
        for (var i = 0; i < count; i++)
            vectors.Row(rows[i]).CopyTo(sample.AsSpan(i * vectors.Dimension, vectors.Dimension));
        return sample;
    }
}
