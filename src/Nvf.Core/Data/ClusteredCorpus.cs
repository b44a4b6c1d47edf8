namespace Nvf.Core.Data;

/// <summary>
/// Documents grouped by topic, from <see cref="ClusteredCorpusGenerator"/>: <see cref="Documents"/>
/// float32 (ClusterCount * DocsPerCluster, D) unit vectors, cluster-major (cluster c holds rows
/// c * DocsPerCluster .. (c + 1) * DocsPerCluster - 1), with their labels and the unit centroids.
/// </summary>
public sealed class ClusteredCorpus
{
    internal ClusteredCorpus(VectorSet documents, int[] clusterLabels, VectorSet centroids, double noise)
    {
        Documents = documents;
        ClusterLabels = clusterLabels;
        Centroids = centroids;
        Noise = noise;
    }

    /// <summary>Unit document vectors, float32 (N, D).</summary>
    public VectorSet Documents { get; }

    /// <summary>Cluster of each document, length N, values 0..ClusterCount-1.</summary>
    public int[] ClusterLabels { get; }

    /// <summary>Unit cluster centroids, float32 (ClusterCount, D).</summary>
    public VectorSet Centroids { get; }

    /// <summary>Per-dimension standard deviation of the within-cluster noise (the seed: 0.2).</summary>
    public double Noise { get; }

    /// <summary>Number of clusters.</summary>
    public int ClusterCount => Centroids.Count;

    /// <summary>True when documents <paramref name="a"/> and <paramref name="b"/> share a cluster.</summary>
    public bool SameCluster(int a, int b) => ClusterLabels[a] == ClusterLabels[b];
}
