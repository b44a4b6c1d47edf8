using Nvf.Core.Data;
using Nvf.Torch;

namespace Nvf.Core.InfoNce;

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
        var (n, c, d) = (set.Count, set.ContextLength, set.Dimension);
        var output = new VectorSet(new float[(long)n * d], n, d);
        encoder.Eval();
        using var noGrad = new NoGradScope();
        for (var start = 0; start < n; start += BatchRows)
        {
            var rows = Math.Min(BatchRows, n - start);
            using var scope = new DisposeScope();
            var contexts = Tensor.From<float>(set.Contexts.AsSpan(start * c * d, rows * c * d), rows, c, d);
            encoder.Forward(contexts).CopyTo<float>(output.Data.AsSpan(start * d, rows * d));
        }

        return output;
    }

    /// <summary>P(payload) float32 (N, D), unit rows: the payload as tower P of the two-tower model sees it.</summary>
    public static VectorSet EncodePayload(PayloadTower tower, VectorSet payload)
    {
        ArgumentNullException.ThrowIfNull(tower);
        ArgumentNullException.ThrowIfNull(payload);
        var (n, d) = (payload.Count, payload.Dimension);
        var output = new VectorSet(new float[(long)n * d], n, d);
        tower.Eval();
        using var noGrad = new NoGradScope();
        for (var start = 0; start < n; start += BatchRows)
        {
            var rows = Math.Min(BatchRows, n - start);
            using var scope = new DisposeScope();
            var input = Tensor.From<float>(payload.Data.AsSpan(start * d, rows * d), rows, d);
            tower.Forward(input).CopyTo<float>(output.Data.AsSpan(start * d, rows * d));
        }

        return output;
    }
}
