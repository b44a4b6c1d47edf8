using Nvf.Core.Stores;
using Nvf.Qdrant;
using Nvf.Qdrant.Testing;

namespace Nvf.Core.Tests.Stores;

/// <summary>The stores under test; the Qdrant one talks to the in-process REST double.</summary>
public enum StoreKind
{
    Exact,
    Faiss,
    QdrantDouble,
}

internal static class StoreFactory
{
    public static IVectorStore Open(StoreKind kind) => kind switch
    {
        StoreKind.Exact => new ExactVectorStore(),
        StoreKind.Faiss => new FaissVectorStore(),
        StoreKind.QdrantDouble => new QdrantVectorStore(new QdrantClient(new QdrantClientOptions(QdrantRestDouble.BaseAddress), new QdrantRestDouble()), "store-test", ownsClient: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "expected a known store kind"),
    };
}
