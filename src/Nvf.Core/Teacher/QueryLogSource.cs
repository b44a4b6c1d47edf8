namespace Nvf.Core.Teacher;

/// <summary>
/// Where a <see cref="QueryLog"/> came from, written into the log's header so that a log file
/// says which store answered, on which corpus, for which queries.
/// </summary>
/// <param name="Store">The store engine and index, e.g. "faiss-flat" or "qdrant" (<see cref="Stores.StoreDescription.Kind"/>).</param>
/// <param name="Exact">True when the store ranked every stored vector exactly.</param>
/// <param name="Corpus">The indexed corpus: generator, sizes and seed (e.g. the <see cref="Pipeline.NvfDatabase.Key"/>).</param>
/// <param name="Queries">How the queries were drawn, e.g. "uniform unit queries, stream 1 of seed 1".</param>
/// <param name="Settings">Store settings worth keeping (address, collection, search mode), as text.</param>
public sealed record QueryLogSource(string Store, bool Exact, string Corpus, string Queries, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The source of a log written by <paramref name="store"/> for <paramref name="corpus"/> and <paramref name="queries"/>.</summary>
    public static QueryLogSource Of(Stores.StoreDescription store, string corpus, string queries)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(corpus);
        ArgumentException.ThrowIfNullOrWhiteSpace(queries);
        return new QueryLogSource(store.Kind, store.Exact, corpus, queries, store.Settings);
    }
}
