using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Nvf.Core.Pipeline;

namespace Nvf.Core.Teacher;

/// <summary>
/// Turns a query log into NVF training or evaluation data: each query labelled with the store's
/// top-1 answer (the teacher's label, not a generator's). Logged ids are database rows because
/// <see cref="StoreTeacher.IndexAsync"/> stores row i under id i.
/// </summary>
public static class QueryLogLabels
{
    /// <summary>
    /// The log's queries labelled with the store's top-1 ids; throws when a query has no answer or
    /// an id that is not a row of <paramref name="database"/> (a log of another corpus).
    /// </summary>
    public static QuerySet ToQuerySet(QueryLog log, NvfDatabase database)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(database);
        if (log.Dimension != database.Dimension)
            throw new ArgumentException($"the log's queries have width {log.Dimension}; the database has {database.Dimension} ({database.Key})", nameof(log));
        var labels = new int[log.Count];
        for (int q = 0; q < log.Count; q++)
        {
            long id = log.TopId(q);
            if (id < 0 || id >= database.Count)
                throw new ArgumentException(
                    $"query {q} of the log ({log.Source.Corpus}) has top-1 id {id}; expected a row of the database in [0, {database.Count}) ({database.Key})", nameof(log));
            labels[q] = (int)id;
        }

        return new QuerySet(log.Queries, labels, $"{log.Source.Queries}, labelled with the {log.Source.Store} store's top-1");
    }

    /// <summary>Share of queries whose store label equals <paramref name="generator"/>'s label (same queries, same order), with its Wilson 95% interval.</summary>
    public static ProportionEstimate Agreement(QuerySet store, QuerySet generator)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(generator);
        if (store.Count != generator.Count)
            throw new ArgumentException($"{store.Count} store labels against {generator.Count} generator labels; expected the same queries", nameof(generator));
        if (!store.Queries.Data.AsSpan().SequenceEqual(generator.Queries.Data))
            throw new ArgumentException("the two query sets hold different query vectors; expected the same queries in the same order", nameof(generator));
        long same = 0;
        for (int q = 0; q < store.Count; q++)
            same += store.Labels[q] == generator.Labels[q] ? 1 : 0;
        return ProportionEstimate.Wilson(same, store.Count);
    }
}
