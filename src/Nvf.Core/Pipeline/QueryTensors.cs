using Nvf.Core.Data;
using Nvf.Torch;

namespace Nvf.Core.Pipeline;

/// <summary>A <see cref="QuerySet"/> as tensors: queries float32 (Q, D) and labels int64 (Q). Owns both.</summary>
public sealed class QueryTensors : IDisposable
{
    /// <summary>Copies <paramref name="set"/> into tensors.</summary>
    public QueryTensors(QuerySet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Set = set;
        Queries = Tensor.From(set.Queries.Data, set.Count, set.Queries.Dimension).DetachFromDisposeScope();
        Labels = Tensor.From(set.Labels.Select(l => (long)l).ToArray(), set.Count).DetachFromDisposeScope();
    }

    /// <summary>The source query set.</summary>
    public QuerySet Set { get; }

    /// <summary>Queries float32 (Q, D).</summary>
    public Tensor Queries { get; }

    /// <summary>Label row of each query, int64 (Q).</summary>
    public Tensor Labels { get; }

    /// <summary>Rows <paramref name="rows"/> as an int64 index tensor (B), for IndexSelect.</summary>
    public static Tensor Index(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = new long[rows.Count];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = rows[i];
        }

        return Tensor.From(data, data.Length);
    }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        Queries.Dispose();
        Labels.Dispose();
    }
}
