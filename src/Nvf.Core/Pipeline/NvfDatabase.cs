using Nvf.Core.Data;
using Nvf.Torch;

namespace Nvf.Core.Pipeline;

/// <summary>
/// The vectors NVF searches: unit rows float32 (N, D), as a <see cref="VectorSet"/> and as a
/// tensor, optionally with the cluster of each row (clustered corpus), and a key naming the
/// generator and its seed (the trained-model memo's data key). Lives for the whole process.
/// </summary>
public sealed class NvfDatabase
{
    private NvfDatabase(VectorSet vectors, int[]? clusters, string key, ulong seed)
    {
        Vectors = vectors;
        Clusters = clusters;
        Key = key;
        Seed = seed;
        tensor = new Lazy<Tensor>(() => Tensor.From(vectors.Data, vectors.Count, vectors.Dimension).DetachFromDisposeScope());
        IsUnit = Enumerable.Range(0, vectors.Count).All(i => Math.Abs(Math.Sqrt(VectorMath.Dot(vectors.Row(i), vectors.Row(i))) - 1) < 1e-3);
    }

    /// <summary>Whether every row has unit norm (within 1e-3): then a dot product is the cosine.</summary>
    public bool IsUnit { get; }

    /// <summary>The rows, float32 (N, D): unit norm when generated; a researcher's file keeps its own norms (see <see cref="IsUnit"/>).</summary>
    public VectorSet Vectors { get; }

    /// <summary>The same rows as a float32 (N, D) tensor (never disposed: the database is process-wide).</summary>
    public Tensor Tensor => tensor.Value;

    // Made on first use: a researcher's database judged through model files never needs a libtorch copy.
    private readonly Lazy<Tensor> tensor;

    /// <summary>Cluster id of each row, or null for an unclustered database.</summary>
    public int[]? Clusters { get; }

    /// <summary>Generator, sizes and seed, e.g. "random-unit n=1000 d=128 seed=42".</summary>
    public string Key { get; }

    /// <summary>The data seed (query sets derive their seeds from it).</summary>
    public ulong Seed { get; }

    /// <summary>N, the number of rows.</summary>
    public int Count => Vectors.Count;

    /// <summary>D, the width of each row.</summary>
    public int Dimension => Vectors.Dimension;

    /// <summary>The seed's synthetic database: <paramref name="count"/> random unit vectors of width <paramref name="dimension"/>.</summary>
    public static NvfDatabase RandomUnit(int count, int dimension, ulong seed) =>
        new(RandomUnitVectors.Generate(count, dimension, seed), null, $"random-unit n={count} d={dimension} seed={seed}", seed);

    /// <summary>A researcher's database: the rows of a float32/float64 .npy (N, D) file, as they are (no normalisation).</summary>
    public static NvfDatabase FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var vectors = global::Nvf.Core.Data.NumPy.NpyReader.ReadVectorSet(path);
        return new(vectors, null, $"file {Path.GetFullPath(path)} n={vectors.Count} d={vectors.Dimension}", 0);
    }

    /// <summary>
    /// Real embeddings of a real corpus (unit rows, e.g. WordNet definitions embedded by all-MiniLM-L6-v2), with a real
    /// topic per row as its cluster (WordNet's lexicographer files). <paramref name="key"/> names corpus, sample and model.
    /// </summary>
    public static NvfDatabase Real(VectorSet vectors, int[] topics, string key, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (topics.Length != vectors.Count)
            throw new ArgumentException($"{topics.Length} topics for {vectors.Count} rows; expected one per row", nameof(topics));
        return new(vectors, topics, key, seed);
    }

    /// <summary>The seed's clustered corpus (its documents and their clusters), generated with <paramref name="seed"/>.</summary>
    public static NvfDatabase Clustered(ClusteredCorpus corpus, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var key = FormattableString.Invariant($"clustered {corpus.ClusterCount}x{corpus.Documents.Count / corpus.ClusterCount} d={corpus.Documents.Dimension} noise={corpus.Noise} seed={seed}");
        return new(corpus.Documents, corpus.ClusterLabels, key, seed);
    }
}
