using Nvf.Torch;

namespace Nvf.Core.Pipeline;

/// <summary>
/// The frozen soft attention's Top-K for a query set: the reranker's input. Owns its tensors.
/// Queries whose label is outside the Top-K have label position -1 (the reranker cannot help them).
/// </summary>
public sealed class CandidateSet : IDisposable
{
    private CandidateSet(Tensor queries, Tensor ids, Tensor logits, int[] labels, int[] positions)
    {
        Queries = queries;
        Ids = ids;
        Logits = logits;
        Labels = labels;
        LabelPositions = positions;
        Positions = Tensor.From(positions.Select(p => (long)Math.Max(p, 0)).ToArray(), positions.Length).DetachFromDisposeScope();
    }

    /// <summary>Queries float32 (Q, D).</summary>
    public Tensor Queries { get; }

    /// <summary>Candidate database rows, int64 (Q, K), best soft-attention logit first.</summary>
    public Tensor Ids { get; }

    /// <summary>Soft attention's logits of the candidates, float32 (Q, K), descending per row.</summary>
    public Tensor Logits { get; }

    /// <summary>Label row of each query.</summary>
    public int[] Labels { get; }

    /// <summary>Position of the label among each query's K candidates, or -1 when it is not among them.</summary>
    public int[] LabelPositions { get; }

    /// <summary>Label positions as int64 (Q), with 0 standing in for -1 (mask those rows out).</summary>
    public Tensor Positions { get; }

    /// <summary>Q, the number of queries.</summary>
    public int Count => Labels.Length;

    /// <summary>K, the number of candidates per query.</summary>
    public int K => (int)Ids.Size(1);

    /// <summary>Runs <paramref name="model"/> (no gradient) on <paramref name="queries"/> and keeps each query's Top-<paramref name="k"/>.</summary>
    public static CandidateSet Build(SoftAttentionModel model, NvfDatabase database, QueryTensors queries, int k)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, database.Count);
        const int chunk = 4096; // (chunk, N) logits at a time keeps memory flat for 100,000 queries
        var count = queries.Set.Count;
        var ids = new List<Tensor>();
        var logits = new List<Tensor>();
        using (new NoGradScope())
        using (var scope = new DisposeScope())
        {
            for (var start = 0; start < count; start += chunk)
            {
                var length = Math.Min(chunk, count - start);
                var (values, indices) = model.Logits(queries.Queries.Narrow(0, start, length), database.Tensor).TopK(k, 1); // (C, K) each
                ids.Add(indices);
                logits.Add(values);
            }

            var idTensor = Tensor.Cat(ids, 0).DetachFromDisposeScope();       // (Q, K) int64
            var logitTensor = Tensor.Cat(logits, 0).DetachFromDisposeScope(); // (Q, K) float32
            var flat = idTensor.ToArray<long>();
            var labels = queries.Set.Labels;
            var positions = new int[count];
            for (var q = 0; q < count; q++)
            {
                positions[q] = -1;
                for (var j = 0; j < k; j++)
                {
                    if (flat[(q * k) + j] == labels[q])
                    {
                        positions[q] = j;
                        break;
                    }
                }
            }

            var queryCopy = queries.Queries.Clone().DetachFromDisposeScope();
            return new CandidateSet(queryCopy, idTensor, logitTensor, labels.ToArray(), positions);
        }
    }

    /// <summary>Candidate vectors float32 (B, K, D) of the queries at <paramref name="rows"/> (int64 (B)).</summary>
    public Tensor CandidateVectors(NvfDatabase database, Tensor rows)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(rows);
        using var scope = new DisposeScope();
        var batchIds = Ids.IndexSelect(0, rows);                                         // (B, K)
        var flat = database.Tensor.IndexSelect(0, batchIds.Reshape(-1));                // (B*K, D)
        return scope.MoveOut(flat.Reshape(rows.Size(0), K, database.Dimension));        // (B, K, D)
    }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        Queries.Dispose();
        Ids.Dispose();
        Logits.Dispose();
        Positions.Dispose();
    }
}
