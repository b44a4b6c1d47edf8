namespace Nvf.Core.Data;

/// <summary>
/// The seed's <c>generate_realistic_corpus</c> (nvf-phase2-raw-thoughts.md): per cluster a random
/// unit centroid, then docs_per_cluster documents normalize(centroid + noise * N(0, 1) per
/// dimension). Note the noise is per dimension: at dim 128, 0.2 has norm ~2.3, larger than the
/// centroid, so the clusters are loose (intra-cluster cosine ~0.16; DESIGN.md); 0.05 gives ~0.76.
/// Cluster c is drawn from <see cref="SeededRandom.Fork"/>(seed, c): deterministic on any thread count.
/// </summary>
public static class ClusteredCorpusGenerator
{
    /// <summary>The seed's within-cluster noise per dimension.</summary>
    public const double SeedNoise = 0.2;

    /// <summary>The tight spread DESIGN.md measures beside the seed's (intra-cluster cosine ~0.76 at dim 128).</summary>
    public const double TightNoise = 0.05;

    /// <summary>
    /// Generates <paramref name="clusters"/> x <paramref name="docsPerCluster"/> unit documents of
    /// <paramref name="dimension"/> (the seed: 100 x 10, dim 128, noise 0.2).
    /// </summary>
    public static ClusteredCorpus Generate(int clusters, int docsPerCluster, int dimension, double noise, ulong seed)
    {
        if (clusters <= 0)
            throw new ArgumentOutOfRangeException(nameof(clusters), clusters, "expected at least one cluster");
        if (docsPerCluster <= 0)
            throw new ArgumentOutOfRangeException(nameof(docsPerCluster), docsPerCluster, "expected at least one document per cluster");
        if (dimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "expected a dimension > 0");
        if (noise < 0 || double.IsNaN(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "expected a noise standard deviation >= 0");
        var count = clusters * docsPerCluster;
        var documents = new VectorSet(new float[(long)count * dimension], count, dimension);
        var centroids = new VectorSet(new float[(long)clusters * dimension], clusters, dimension);
        var labels = new int[count];
        Parallel.For(0, clusters, c =>
        {
            var random = SeededRandom.Fork(seed, (ulong)c);
            var centroid = centroids.Row(c);
            random.FillGaussian(centroid);
            VectorMath.Normalize(centroid);
            for (var d = 0; d < docsPerCluster; d++)
            {
                var row = c * docsPerCluster + d;
                var doc = documents.Row(row);
                random.FillGaussian(doc, noise);
                for (var j = 0; j < dimension; j++)
                    doc[j] += centroid[j];
                VectorMath.Normalize(doc);
                labels[row] = c;
            }
        });
        return new ClusteredCorpus(documents, labels, centroids, noise);
    }
}
