namespace Nvf.Core.Data;

/// <summary>
/// Queries with one label each: <see cref="Queries"/> float32 (N, D) and <see cref="Labels"/> (N),
/// the database row each query should retrieve.
/// </summary>
public sealed class QuerySet
{
    /// <summary>Wraps queries (N, D) and their labels (N) without copying.</summary>
    public QuerySet(VectorSet queries, int[] labels, string distribution)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(distribution);
        if (labels.Length != queries.Count)
            throw new ArgumentException($"{labels.Length} labels for {queries.Count} queries; expected one per query", nameof(labels));
        Queries = queries;
        Labels = labels;
        Distribution = distribution;
    }

    /// <summary>Query vectors, float32 (N, D), unit norm.</summary>
    public VectorSet Queries { get; }

    /// <summary>Database row each query should find, length N.</summary>
    public int[] Labels { get; }

    /// <summary>How the queries were drawn, for reports (e.g. "uniform unit queries, exact-NN labels").</summary>
    public string Distribution { get; }

    /// <summary>Number of queries N.</summary>
    public int Count => Labels.Length;
}
