using System.Globalization;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;

namespace Nvf.Core.Models;

/// <summary>
/// A researcher's context model, ONNX or TorchScript alike: forward(contexts float32 (batch, context length,
/// dimension)) -> (batch, dimension), one prediction per context, run in batches of
/// <see cref="ContextModelFile.BatchRows"/>.
/// </summary>
internal sealed class FunctionContextModel : IContextModel
{
    private readonly IModelFunction model;

    /// <summary>Wraps a loaded model; throws <see cref="ArtifactException"/> (and disposes it) unless it takes one input.</summary>
    public FunctionContextModel(IModelFunction model)
    {
        this.model = model;
        if (model.Inputs != 1)
        {
            var inputs = model.Inputs;
            model.Dispose();
            throw new ArtifactException($"{model.Path}: the context model takes {inputs} inputs; expected one, the contexts float32 (batch, context length, dimension)");
        }
    }

    /// <inheritdoc />
    public string Description => model.Description;

    /// <inheritdoc />
    public VectorSet Predict(EvalSet eval, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(eval);
        var (n, c, d) = (eval.Count, eval.ContextLength, eval.Dimension);
        var predictions = new float[(long)n * d]; // (N, D)
        for (var start = 0; start < n; start += ContextModelFile.BatchRows)
        {
            var rows = Math.Min(ContextModelFile.BatchRows, n - start);
            var contexts = eval.Contexts.AsSpan(start * c * d, rows * c * d).ToArray();
            var result = model.Run([new FloatArray(contexts, [rows, c, d])]);
            if (result.Shape.Length != 2 || result.Shape[0] != rows || result.Shape[1] != d)
                throw new ArtifactException($"{model.Path}: the context model returned {result.ShapeText} for {rows} contexts; expected ({rows}, {d}), one prediction per context");
            result.Values.CopyTo(predictions.AsSpan((int)((long)start * d), rows * d));
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(model.Path)}: {start + rows:N0} / {n:N0} contexts"));
        }

        return new VectorSet(predictions, n, d);
    }

    /// <inheritdoc />
    public void Dispose() => model.Dispose();
}
