namespace Nvf.Core.Data;

/// <summary>
/// How clustered a corpus really is (DESIGN.md: measure it rather than trust the generator's name):
/// mean cosine over all pairs of distinct documents in the same cluster, and over all pairs in
/// different clusters, computed over every pair (float32 dot products of unit vectors, sums in double; O(N^2 D); the seed's corpus has N = 1,000).
/// </summary>
/// <param name="IntraClusterCosine">Mean cosine of same-cluster pairs.</param>
/// <param name="InterClusterCosine">Mean cosine of different-cluster pairs.</param>
/// <param name="IntraPairs">Number of same-cluster pairs.</param>
/// <param name="InterPairs">Number of different-cluster pairs.</param>
public sealed record ClusteringReport(double IntraClusterCosine, double InterClusterCosine, long IntraPairs, long InterPairs)
{
    /// <summary>Intra minus inter: how much closer a document is to its own cluster.</summary>
    public double Gap => IntraClusterCosine - InterClusterCosine;

    /// <summary>Measures <paramref name="corpus"/> over all pairs.</summary>
    public static ClusteringReport Measure(ClusteredCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Measure(corpus.Documents, corpus.ClusterLabels);
    }

    /// <summary>Measures <paramref name="docs"/> (float32 (N, D)) over all pairs, <paramref name="labels"/>[i] being row i's cluster (e.g. a real topic).</summary>
    public static ClusteringReport Measure(VectorSet docs, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != docs.Count)
            throw new ArgumentException($"{labels.Count} labels for {docs.Count} documents; expected one per row", nameof(labels));
        var n = docs.Count;
        var unit = VectorMath.NormalizedCopy(docs);
        // Per-row partial sums, added up in row order afterwards: the result is bit-identical
        // whatever the thread count.
        var intra = new double[n];
        var inter = new double[n];
        var intraCount = new long[n];
        Parallel.For(0, n, i =>
        {
            var a = unit.Row(i);
            for (var j = i + 1; j < n; j++)
            {
                double cos = VectorMath.Dot(a, unit.Row(j));
                if (labels[i] == labels[j])
                {
                    intra[i] += cos;
                    intraCount[i]++;
                }
                else
                {
                    inter[i] += cos;
                }
            }
        });
        double intraSum = 0, interSum = 0;
        long intraPairs = 0, interPairs = 0;
        for (var i = 0; i < n; i++)
        {
            intraSum += intra[i];
            interSum += inter[i];
            intraPairs += intraCount[i];
            interPairs += n - 1 - i - intraCount[i];
        }
        return new ClusteringReport(
            intraPairs == 0 ? double.NaN : intraSum / intraPairs,
            interPairs == 0 ? double.NaN : interSum / interPairs,
            intraPairs, interPairs);
    }
}
