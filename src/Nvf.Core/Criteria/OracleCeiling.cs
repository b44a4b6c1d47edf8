using Nvf.Core.Data;
using Nvf.Core.Metrics;

namespace Nvf.Core.Criteria;

/// <summary>
/// The oracle ceiling of a query distribution: how often exact cosine search over the whole
/// database returns the label. 100% when labels are exact nearest neighbours; about 51% for the
/// seed reranker script's noisy copies (DESIGN.md), which no retriever can be expected to beat.
/// </summary>
public static class OracleCeiling
{
    /// <summary>Share of <paramref name="queries"/> whose exact nearest row in <paramref name="database"/> is the label, with its Wilson 95% interval.</summary>
    public static ProportionEstimate Measure(VectorSet database, QuerySet queries)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Queries.Dimension != database.Dimension)
        {
            throw new ArgumentException($"queries have width {queries.Queries.Dimension} but the database has {database.Dimension}; expected equal widths", nameof(queries));
        }

        var nearest = ExactCosineSearch.Nearest(database, queries.Queries);
        var hits = nearest.Where((row, q) => row == queries.Labels[q]).LongCount();
        return ProportionEstimate.Wilson(hits, queries.Count);
    }
}
