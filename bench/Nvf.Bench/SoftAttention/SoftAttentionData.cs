using Nvf.Torch;

namespace Nvf.Bench.SoftAttention;

/// <summary>
/// The seed's synthetic task: a database of random unit vectors and random unit queries labelled
/// with their exact nearest neighbour. Drawn from one torch generator, in the order of
/// fixtures/torch/make_fixtures.py (database, then queries), so the values equal Python's.
/// </summary>
public sealed class SoftAttentionData : IDisposable
{
    /// <summary>Draws <paramref name="databaseSize"/> database rows and <paramref name="queryCount"/> queries of width <paramref name="dim"/>.</summary>
    public SoftAttentionData(long dim, long databaseSize, long queryCount, ulong seed)
    {
        using var generator = new Generator(seed);
        using var scope = new DisposeScope();
        Database = scope.MoveOut(Tensor.Randn([databaseSize, dim], generator).Normalize(-1));  // (N, D)
        Queries = scope.MoveOut(Tensor.Randn([queryCount, dim], generator).Normalize(-1));    // (Q, D)
        Labels = scope.MoveOut(Queries.MatMul(Database.T()).ArgMax(1));                          // (Q) int64
    }

    /// <summary>Unit database vectors, float32 (N, D).</summary>
    public Tensor Database { get; }

    /// <summary>Unit queries, float32 (Q, D).</summary>
    public Tensor Queries { get; }

    /// <summary>Index of each query's exact nearest database row, int64 (Q).</summary>
    public Tensor Labels { get; }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        Database.Dispose();
        Queries.Dispose();
        Labels.Dispose();
    }
}
