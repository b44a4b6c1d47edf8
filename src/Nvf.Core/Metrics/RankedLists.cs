namespace Nvf.Core.Metrics;

/// <summary>
/// Search results as ranked id lists: <see cref="Ids"/> int64 (QueryCount, Width), row-major, best
/// first, the layout FAISS returns. Id -1 marks an empty slot (FAISS pads with -1 when a probe finds
/// fewer than k vectors) and never counts as a hit.
/// </summary>
public sealed class RankedLists
{
    /// <summary>Wraps <paramref name="ids"/> (not copied), <paramref name="width"/> ids per query.</summary>
    public RankedLists(long[] ids, int width)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (width <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), width, "expected a width (k) >= 1");
        if (ids.Length % width != 0)
            throw new ArgumentException($"{ids.Length} ids is not a whole number of rows of width {width}", nameof(ids));
        Ids = ids;
        Width = width;
    }

    /// <summary>Ranked ids, int64 (QueryCount, Width), -1 for empty slots.</summary>
    public long[] Ids { get; }

    /// <summary>Ids per query (k of the search).</summary>
    public int Width { get; }

    /// <summary>Number of queries.</summary>
    public int QueryCount => Ids.Length / Width;

    /// <summary>Converts int32 ids such as <see cref="Data.ExactCosineSearch.TopK"/> returns.</summary>
    public static RankedLists FromInt32(int[] ids, int width)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new RankedLists(Array.ConvertAll(ids, id => (long)id), width);
    }

    /// <summary>The ids of query <paramref name="query"/>, best first.</summary>
    public ReadOnlySpan<long> Row(int query)
    {
        if ((uint)query >= (uint)QueryCount)
            throw new ArgumentOutOfRangeException(nameof(query), query, $"expected a query in [0, {QueryCount})");
        return Ids.AsSpan(query * Width, Width);
    }

    /// <summary>0-based rank of <paramref name="id"/> in query <paramref name="query"/>'s list, or -1 if absent (or id is -1).</summary>
    public int RankOf(int query, long id)
    {
        if (id < 0)
            return -1;
        return Row(query).IndexOf(id);
    }
}
