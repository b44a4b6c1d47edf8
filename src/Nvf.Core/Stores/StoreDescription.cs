namespace Nvf.Core.Stores;

/// <summary>What a store is, for reports and provenance.</summary>
/// <param name="Kind">Engine and index, e.g. "qdrant" or "faiss-flat".</param>
/// <param name="Dimension">Vector length, or 0 before <see cref="IVectorStore.CreateAsync"/>.</param>
/// <param name="Metric">Ranking metric (and score unit).</param>
/// <param name="Exact">True when searches rank every stored vector exactly (no approximate index).</param>
/// <param name="Settings">Engine settings worth reporting (address, collection, HNSW m / ef), as text.</param>
public sealed record StoreDescription(string Kind, int Dimension, VectorMetric Metric, bool Exact, IReadOnlyDictionary<string, string> Settings);
