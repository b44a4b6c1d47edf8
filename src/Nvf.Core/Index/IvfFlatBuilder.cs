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
    public static IvfBuild Build(IVectorRows vectors, FaissMetric metric, ulong seed, int trainingIterations = FaissDefaultTrainingIterations, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var sizing = IvfSizing.ForCount(vectors.Count);
        var index = FaissIndex.CreateIvfFlat(vectors.Dimension, sizing.ListCount, metric);
        try
        {
            index.SetTrainingIterations(trainingIterations);
            var (train, add) = TrainAndAdd(index, vectors, sizing.TrainingCount, seed, 0, status);
            return new IvfBuild(index, sizing, train, add);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Rows added per call when adding with progress: one progress line per block (the index is the same as one call's).</summary>
    public const int AddBlockRows = 65_536;

    /// <summary>
    /// Trains <paramref name="index"/> (an empty IVF index) on <paramref name="sampleCount"/> rows drawn by
    /// <paramref name="seed"/>, then adds every row with id row + <paramref name="idOffset"/>, in blocks of
    /// <see cref="AddBlockRows"/>, telling <paramref name="status"/> what it does (k-means, then rows added so far).
    /// FAISS adds in blocks of the same size itself, so the index equals one added in a single call.
    /// </summary>
    /// <returns>The time spent training and adding.</returns>
    public static (TimeSpan Train, TimeSpan Add) TrainAndAdd(FaissIndex index, IVectorRows vectors, int sampleCount, ulong seed, long idOffset, IProgress<string>? status)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(vectors);
        status?.Report(FormattableString.Invariant($"IVF index over {vectors.Count:N0} x {vectors.Dimension}: k-means into {index.ListCount:N0} lists on {sampleCount:N0} sampled rows"));
        var clock = Stopwatch.StartNew();
        index.Train(TrainingSample(vectors, sampleCount, seed), vectors.Dimension);
        var train = clock.Elapsed;
        clock.Restart();
        var d = vectors.Dimension;
        var held = vectors as VectorSet;
        var buffer = held is null ? new float[(long)Math.Min(AddBlockRows, vectors.Count) * d] : null;
        for (var start = 0; start < vectors.Count; start += AddBlockRows)
        {
            var rows = Math.Min(AddBlockRows, vectors.Count - start);
            Span<float> block;
            if (held is not null)
            {
                block = held.Data.AsSpan(start * d, rows * d);
            }
            else
            {
                block = buffer.AsSpan(0, rows * d);
                vectors.CopyRows(start, rows, block);
            }

            if (idOffset == 0 && start == index.Count)
                index.Add(block, d);
            else
                index.Add(block, d, Enumerable.Range(start, rows).Select(r => r + idOffset).ToArray());
            status?.Report(FormattableString.Invariant($"IVF index: k-means {train.TotalSeconds:F0} s; added {start + rows:N0} / {vectors.Count:N0} vectors"));
        }

        return (train, clock.Elapsed);
    }

    /// <summary>The <paramref name="count"/> distinct rows of <paramref name="total"/> that <see cref="TrainingSample"/> copies for <paramref name="seed"/>, ascending.</summary>
    public static int[] SampleRows(int total, int count, ulong seed)
    {
        if (count <= 0 || count > total)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"expected a sample size in [1, {total}]");
        if (count == total)
            return Enumerable.Range(0, total).ToArray();
        var rows = new SeededRandom(seed).Permutation(total).AsSpan(0, count).ToArray();
        Array.Sort(rows);
        return rows;
    }

    /// <summary>
    /// <paramref name="count"/> distinct rows chosen by <paramref name="seed"/>, copied in ascending
    /// row order into one array, shape (count, d). The whole set when count covers it (no copy).
    /// </summary>
    public static float[] TrainingSample(IVectorRows vectors, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (count <= 0 || count > vectors.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"expected a sample size in [1, {vectors.Count}]");
        if (count == vectors.Count)
            return vectors.ToVectorSet().Data;
        return vectors.Gather(SampleRows(vectors.Count, count, seed)).Data; // (count, d)
    }
}
