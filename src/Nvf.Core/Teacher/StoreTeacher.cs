using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Core.Stores;

namespace Nvf.Core.Teacher;

/// <summary>
/// The vector store as NVF's teacher: index a corpus into it (row i stored under id i, so a logged
/// id is a database row) and log its answers to queries.
/// </summary>
public static class StoreTeacher
{
    /// <summary>
    /// Creates <paramref name="store"/>'s collection for <paramref name="database"/>'s width and
    /// <paramref name="metric"/>, stores row i under id i, and checks the store's count.
    /// </summary>
    public static async Task IndexAsync(IVectorStore store, NvfDatabase database, VectorMetric metric, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(database);
        await store.CreateAsync(database.Dimension, metric, cancellationToken).ConfigureAwait(false);
        var ids = Enumerable.Range(0, database.Count).Select(i => (long)i).ToArray();
        await store.UpsertAsync(ids, database.Vectors, cancellationToken).ConfigureAwait(false);
        long stored = await store.CountAsync(cancellationToken).ConfigureAwait(false);
        if (stored != database.Count)
            throw new InvalidOperationException($"the {store.Describe().Kind} store holds {stored} vectors after indexing {database.Count}; expected all of them");
    }

    /// <summary>
    /// Sends <paramref name="queries"/> (float32 (Q, D)) to <paramref name="store"/>,
    /// <paramref name="batch"/> per search call, and logs its top <paramref name="k"/> answers.
    /// </summary>
    public static async Task<QueryLog> LogAsync(IVectorStore store, VectorSet queries, int k, int batch, string corpus, string queryDescription,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var description = store.Describe();
        var ids = new long[(long)queries.Count * k];
        var scores = new float[ids.Length];
        int d = queries.Dimension;
        for (int start = 0; start < queries.Count; start += batch)
        {
            int count = Math.Min(batch, queries.Count - start);
            var slice = new VectorSet(queries.Data.AsSpan(start * d, count * d).ToArray(), count, d);
            var result = await store.SearchAsync(slice, k, cancellationToken).ConfigureAwait(false);
            result.Ids.CopyTo(ids, (long)start * k);
            result.Scores.CopyTo(scores, (long)start * k);
        }

        return new QueryLog(queries, ids, scores, k, description.Metric, QueryLogSource.Of(description, corpus, queryDescription));
    }
}
