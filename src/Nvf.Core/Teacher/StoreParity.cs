using Nvf.Core.Stores;

namespace Nvf.Core.Teacher;

/// <summary>
/// The parity check of issue 7: two stores given the same rows and queries return the same top-k
/// ids, up to ties (<see cref="StoreAgreement"/>). Scores are compared in <see cref="VectorMetric"/>'s
/// units, where both stores report the Euclidean distance (FAISS's squared L2 is converted by its
/// store), and Euclidean scores are compared squared.
/// </summary>
public static class StoreParity
{
    /// <summary>
    /// Indexes <paramref name="data"/> into both stores with <paramref name="metric"/>, sends them the
    /// same queries and compares their top <paramref name="k"/> lists within <paramref name="scoreTolerance"/>.
    /// </summary>
    public static async Task<StoreAgreementReport> CompareAsync(IVectorStore reference, IVectorStore candidate, ParityData data, VectorMetric metric, int k,
        double scoreTolerance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(data);
        var ids = Enumerable.Range(0, data.Vectors.Count).Select(i => (long)i).ToArray();
        var results = new List<StoreSearchResult>(2);
        foreach (var store in new[] { reference, candidate })
        {
            await store.CreateAsync(data.Vectors.Dimension, metric, cancellationToken).ConfigureAwait(false);
            await store.UpsertAsync(ids, data.Vectors, cancellationToken).ConfigureAwait(false);
            results.Add(await store.SearchAsync(data.Queries, k, cancellationToken).ConfigureAwait(false));
        }

        return StoreAgreement.Compare(results[0], results[1], scoreTolerance);
    }
}
