using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;

namespace Nvf.Core.Models;

/// <summary>
/// A context encoder exported to ONNX (torch.onnx.export from any PyTorch version, with a dynamic batch axis), run
/// through ONNX Runtime on the CPU: one input (B, C, D) float32, first output (B, D) float32.
/// </summary>
public sealed class OnnxContextModel : IContextModel
{
    /// <summary>Contexts per forward pass.</summary>
    public const int BatchRows = 256;

    private readonly InferenceSession session;
    private readonly string input;
    private readonly string output;
    private readonly string path;

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ArtifactException"/> naming the file and what was expected.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="threads">Intra-op threads (results are deterministic for a fixed count).</param>
    public OnnxContextModel(string path, int threads = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = path;
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ArtifactException($"{path}: ONNX Runtime cannot load it ({FirstLine(e.Message)}); expected an ONNX model exported with torch.onnx.export", e);
        }

        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count < 1)
        {
            var inputs = session.InputMetadata.Count;
            session.Dispose();
            throw new ArtifactException($"{path}: the model has {inputs} inputs; expected one, the contexts float32 (batch, context length, dimension)");
        }

        (input, var shape) = (session.InputMetadata.Keys.Single(), session.InputMetadata.Values.Single());
        output = session.OutputMetadata.Keys.First();
        if (shape.ElementType != typeof(float) || shape.Dimensions.Length != 3)
        {
            session.Dispose();
            throw new ArtifactException($"{path}: input '{input}' is {shape.ElementType.Name} of rank {shape.Dimensions.Length}; expected float32 (batch, context length, dimension)");
        }

        Description = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} (ONNX, input '{input}' ({string.Join(", ", shape.Dimensions.Select((d, i) => d < 0 ? (i == 0 ? "batch" : "?") : d.ToString(CultureInfo.InvariantCulture)))}), output '{output}')");
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public VectorSet Predict(EvalSet eval, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(eval);
        var (n, c, d) = (eval.Count, eval.ContextLength, eval.Dimension);
        var predictions = new float[(long)n * d]; // (N, D)
        for (var start = 0; start < n; start += BatchRows)
        {
            var rows = Math.Min(BatchRows, n - start);
            var contexts = new DenseTensor<float>(new Memory<float>(eval.Contexts, start * c * d, rows * c * d), [rows, c, d]);
            try
            {
                using var results = session.Run([NamedOnnxValue.CreateFromTensor(input, contexts)], [output]);
                var result = results[0].AsTensor<float>();
                if (result.Dimensions.Length != 2 || result.Dimensions[0] != rows || result.Dimensions[1] != d)
                    throw new ArtifactException($"{path}: output '{output}' has shape ({string.Join(", ", result.Dimensions.ToArray())}) for {rows} contexts; expected ({rows}, {d}), one prediction per context");
                var k = 0;
                foreach (var value in result)
                    predictions[(long)start * d + k++] = value;
            }
            catch (OnnxRuntimeException e)
            {
                throw new ArtifactException($"{path}: running it on contexts ({rows}, {c}, {d}) failed ({FirstLine(e.Message)}); expected input float32 (batch, {c}, {d}) with a dynamic batch axis", e);
            }

            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: {start + rows:N0} / {n:N0} contexts"));
        }

        return new VectorSet(predictions, n, d);
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
