using Nvf.Torch;
using Nvf.Torch.Optim;

namespace Nvf.Bench.SoftAttention;

/// <summary>Trains <see cref="SoftAttentionModel"/> with Adam on consecutive batches of <see cref="SoftAttentionData"/>.</summary>
public sealed class SoftAttentionTrainer : IDisposable
{
    private readonly SoftAttentionModel model;
    private readonly SoftAttentionData data;
    private readonly Adam optimizer;
    private readonly long batchSize;
    private long nextRow;

    /// <summary>Sets up training; seeds torch's global generator with <paramref name="initSeed"/> before building the model.</summary>
    public SoftAttentionTrainer(SoftAttentionData data, long dim, long hidden, long batchSize, ulong initSeed)
    {
        this.data = data;
        this.batchSize = batchSize;
        TorchRuntime.ManualSeed(initSeed);
        model = new SoftAttentionModel(dim, hidden);
        optimizer = new Adam(model.Parameters());
    }

    /// <summary>Multiply-add FLOPs of one step: forward 2B(2DH + ND) plus backward 2B(3DH + ND) (q and db need no gradient).</summary>
    public static double FlopsPerStep(long batch, long dim, long hidden, long databaseSize) =>
        2.0 * batch * ((5.0 * dim * hidden) + (2.0 * databaseSize * dim));

    /// <summary>One Adam step on the next batch (wrapping around); returns the batch loss before the update.</summary>
    public float Step()
    {
        var rows = data.Queries.Size(0);
        if (nextRow + batchSize > rows)
        {
            nextRow = 0;
        }

        using var scope = new DisposeScope();
        var queries = data.Queries.Narrow(0, nextRow, batchSize);    // (B, D)
        var labels = data.Labels.Narrow(0, nextRow, batchSize);      // (B)
        nextRow += batchSize;

        optimizer.ZeroGrad();
        var loss = model.Forward(queries, data.Database).CrossEntropy(labels);
        loss.Backward();
        optimizer.Step();
        return loss.ToSingle();
    }

    /// <summary>Frees the model and the optimizer state (not the data).</summary>
    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
    }
}
