using Nvf.Core.Configs;
using Nvf.Qdrant;
using Nvf.Qdrant.Servers;

namespace Nvf.Core.Stores;

/// <summary>
/// Opens a store by kind for steps and the CLI. FAISS and the exact store always open; Qdrant
/// opens on the server <see cref="QdrantServerLocator"/> finds, in a fresh collection that is
/// deleted on dispose, or comes back with the locator's reasons for skipping.
/// </summary>
public static class VectorStoreProvider
{
    /// <summary>Parses "faiss", "qdrant" or "exact" (any case).</summary>
    public static VectorStoreKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return KebabName.TryParse<VectorStoreKind>(name, out var kind)
            ? kind
            : throw new ArgumentException($"unknown store '{name}'; expected one of {KebabName.Expected<VectorStoreKind>()}", nameof(name));
    }

    /// <summary>
    /// Opens a store of <paramref name="kind"/>. For Qdrant, <paramref name="locator"/> (default:
    /// the real machine) finds the server and <paramref name="qdrantOptions"/> sets the search mode
    /// (exact by default); the collection is named nvf-{random} and deleted on dispose.
    /// </summary>
    public static async Task<OpenedStore> OpenAsync(VectorStoreKind kind, QdrantServerLocator? locator = null, QdrantStoreOptions? qdrantOptions = null,
        CancellationToken cancellationToken = default)
    {
        switch (kind)
        {
            case VectorStoreKind.Faiss:
                return new OpenedStore(kind, new FaissVectorStore(), null, null);
            case VectorStoreKind.Exact:
                return new OpenedStore(kind, new ExactVectorStore(), null, null);
            case VectorStoreKind.Qdrant:
                var found = await (locator ?? new QdrantServerLocator()).FindAsync(cancellationToken).ConfigureAwait(false);
                if (found.Server is not QdrantServer server)
                    return new OpenedStore(kind, null, null, found.SkipReason);
                var options = (qdrantOptions ?? new QdrantStoreOptions()) with { DeleteOnDispose = true };
                var store = new QdrantVectorStore(new QdrantClient(server.ClientOptions()), $"nvf-{Guid.NewGuid():N}", options, ownsClient: true);
                return new OpenedStore(kind, store, server, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "expected Faiss, Qdrant or Exact");
        }
    }
}
