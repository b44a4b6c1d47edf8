using Nvf.Core.Data;

namespace Nvf.Core.Pipeline;

/// <summary>The check every trainer makes on labelled queries given from outside (e.g. a vector store's query log).</summary>
internal static class LabelledQueries
{
    /// <summary>Throws unless <paramref name="queries"/> has rows as wide as <paramref name="database"/>'s and labels that are its rows.</summary>
    public static void Check(NvfDatabase database, QuerySet queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Count == 0)
        {
            throw new ArgumentException("no training queries; expected at least one labelled query", nameof(queries));
        }

        if (queries.Queries.Dimension != database.Dimension)
        {
            throw new ArgumentException($"queries have width {queries.Queries.Dimension}; the database has {database.Dimension}", nameof(queries));
        }

        for (var q = 0; q < queries.Count; q++)
        {
            if ((uint)queries.Labels[q] >= (uint)database.Count)
            {
                throw new ArgumentException($"query {q} is labelled {queries.Labels[q]}; expected a database row in [0, {database.Count})", nameof(queries));
            }
        }
    }
}
