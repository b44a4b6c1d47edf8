using Nvf.Qdrant.Servers;

namespace Nvf.Core.Stores;

/// <summary>
/// The result of <see cref="VectorStoreProvider.OpenAsync"/>: a store ready for CreateAsync, or
/// none and the reason (a scenario then reports SKIPPED with it, never passed). Disposing it
/// disposes the store (deleting a temporary Qdrant collection) and then stops any server the
/// locator started.
/// </summary>
public sealed class OpenedStore : IAsyncDisposable
{
    internal OpenedStore(VectorStoreKind kind, IVectorStore? store, QdrantServer? server, string? skipReason)
    {
        Kind = kind;
        Store = store;
        Server = server;
        SkipReason = skipReason;
    }

    /// <summary>The engine asked for.</summary>
    public VectorStoreKind Kind { get; }

    /// <summary>The store, or null when <see cref="SkipReason"/> says why there is none.</summary>
    public IVectorStore? Store { get; }

    /// <summary>The Qdrant server in use (for reports), or null.</summary>
    public QdrantServer? Server { get; }

    /// <summary>Why no store could be opened, or null when <see cref="Store"/> is set.</summary>
    public string? SkipReason { get; }

    /// <summary>True when <see cref="Store"/> is set.</summary>
    public bool IsAvailable => Store is not null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Store is not null)
                await Store.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (Server is not null)
                await Server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
