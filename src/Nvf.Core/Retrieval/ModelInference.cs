using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Torch;

namespace Nvf.Core.Retrieval;

/// <summary>Runs trained towers over whole sets without autograd, in batches, into managed float32 arrays.</summary>
public static class ModelInference
{
    /// <summary>Rows per forward pass.</summary>
    public const int BatchRows = 2048;

    /// <summary>Unit predictions float32 (N, D) of <paramref name="encoder"/> for every context of <paramref name="set"/> (N, C, D).</summary>
    public static VectorSet Predict(ContextEncoder encoder, EvalSet set)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(set);
        encoder.Eval();
        var (c, d) = (set.ContextLength, set.Dimension);
        return Run(set.Contexts, set.Count, c * d, d, (rows, count) => encoder.Forward(Tensor.From(rows, count, c, d)));
    }

    /// <summary>P(payload) float32 (N, D), unit rows: the payload as tower P of the two-tower model sees it.</summary>
    public static VectorSet EncodePayload(PayloadTower tower, VectorSet payload)
    {
        ArgumentNullException.ThrowIfNull(tower);
        ArgumentNullException.ThrowIfNull(payload);
        tower.Eval();
        var d = payload.Dimension;
        return Run(payload.Data, payload.Count, d, d, (rows, count) => tower.Forward(Tensor.From(rows, count, d)));
    }

    /// <summary>
    /// P(payload) of rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) only, float32
    /// (count, D), written into <paramref name="destination"/> (reused by the caller: no allocation per block). The
    /// same batches as <see cref="EncodePayload"/> when <paramref name="start"/> is a multiple of <see cref="BatchRows"/>,
    /// so the values are the same bits.
    /// </summary>
    public static void EncodePayloadRows(PayloadTower tower, IVectorRows payload, int start, int count, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(tower);
        ArgumentNullException.ThrowIfNull(payload);
        if (start % BatchRows != 0 || start < 0 || count < 1 || start + count > payload.Count)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"expected a block start that is a multiple of {BatchRows} and rows within the payload's {payload.Count}");
        var d = payload.Dimension;
        if (destination.Length < (long)count * d)
            throw new ArgumentException($"destination holds {destination.Length} floats; expected at least {count} x {d}", nameof(destination));
        tower.Eval();
        using var noGrad = new NoGradScope();
        var held = payload as VectorSet;
        var batch = held is null ? new float[BatchRows * d] : null;
        for (var offset = 0; offset < count; offset += BatchRows)
        {
            var rows = Math.Min(BatchRows, count - offset);
            using var scope = new DisposeScope();
            if (batch is not null)
                payload.CopyRows(start + offset, rows, batch);
            var input = held is null ? new ReadOnlySpan<float>(batch, 0, rows * d) : new ReadOnlySpan<float>(held.Data, (start + offset) * d, rows * d);
            tower.Forward(Tensor.From<float>(input, rows, d)).CopyTo<float>(destination.Slice(offset * d, rows * d));
        }
    }

    // Feeds `count` input rows of `inputWidth` floats through `forward` in batches and collects its (rows, outputWidth) outputs.
    private static VectorSet Run(float[] input, int count, int inputWidth, int outputWidth, Func<ReadOnlySpan<float>, long, Tensor> forward)
    {
        var output = new VectorSet(new float[(long)count * outputWidth], count, outputWidth);
        using var noGrad = new NoGradScope();
        for (var start = 0; start < count; start += BatchRows)
        {
            var rows = Math.Min(BatchRows, count - start);
            using var scope = new DisposeScope();
            forward(input.AsSpan(start * inputWidth, rows * inputWidth), rows).CopyTo<float>(output.Data.AsSpan(start * outputWidth, rows * outputWidth));
        }

        return output;
    }
}
