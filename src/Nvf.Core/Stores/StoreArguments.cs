using Nvf.Core.Data;

namespace Nvf.Core.Stores;

/// <summary>The argument checks every <see cref="IVectorStore"/> makes, with messages naming what was expected.</summary>
internal static class StoreArguments
{
    public static void Created(int dimension, string store)
    {
        if (dimension <= 0)
            throw new InvalidOperationException($"the {store} store has no collection yet: call CreateAsync(dimension, metric) first");
    }

    public static void Dimension(int dimension)
    {
        if (dimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "expected a dimension > 0");
    }

    public static void Upsert(IReadOnlyList<long> ids, VectorSet vectors, int dimension)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Dimension != dimension)
            throw new ArgumentException($"vectors have dimension {vectors.Dimension}; the store holds dimension {dimension}", nameof(vectors));
        if (ids.Count != vectors.Count)
            throw new ArgumentException($"expected one id per vector ({vectors.Count}), got {ids.Count}", nameof(ids));
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i] < 0)
                throw new ArgumentException($"id at row {i} is {ids[i]}; expected ids >= 0 (-1 marks missing results)", nameof(ids));
        }
    }

    public static void Search(VectorSet queries, int k, int dimension)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (k < 1)
            throw new ArgumentOutOfRangeException(nameof(k), k, "expected k >= 1 results per query");
        if (queries.Dimension != dimension)
            throw new ArgumentException($"queries have dimension {queries.Dimension}; the store holds dimension {dimension}", nameof(queries));
    }

    /// <summary>A copy of <paramref name="vectors"/>' data with every row scaled to unit length (zero rows stay zero).</summary>
    public static float[] UnitRows(VectorSet vectors)
    {
        var data = (float[])vectors.Data.Clone();
        int d = vectors.Dimension;
        for (int row = 0; row < vectors.Count; row++)
        {
            var span = data.AsSpan(row * d, d);
            double norm = 0;
            foreach (float x in span)
                norm += (double)x * x;
            if (norm == 0)
                continue;
            float scale = (float)(1 / Math.Sqrt(norm));
            for (int i = 0; i < d; i++)
                span[i] *= scale;
        }
        return data;
    }
}
