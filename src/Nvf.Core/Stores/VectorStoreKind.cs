using Nvf.Qdrant.Servers;

namespace Nvf.Core.Stores;

/// <summary>The store engines a run can choose (a Scenario Outline row, a CLI option).</summary>
public enum VectorStoreKind
{
    /// <summary>FAISS exact flat index in-process; always available (the default).</summary>
    Faiss,

    /// <summary>A real Qdrant found by <see cref="QdrantServerLocator"/>; skipped with the locator's reasons when none is reachable.</summary>
    Qdrant,

    /// <summary>The managed float64 brute-force reference; slow, needs nothing.</summary>
    Exact,
}
