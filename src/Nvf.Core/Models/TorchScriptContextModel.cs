using System.Globalization;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Torch;

namespace Nvf.Core.Models;

/// <summary>
/// A context encoder saved with torch.jit.save (scripted or traced), run through libtorch 1.13: forward takes
/// contexts float32 (B, C, D) and returns predictions float32 (B, D).
/// </summary>
public sealed class TorchScriptContextModel : IContextModel
{
    /// <summary>Contexts per forward pass.</summary>
    public const int BatchRows = 256;

    private readonly ScriptModule module;
    private readonly string path;
    private readonly int threads;

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ArtifactException"/> naming the file and what to do.</summary>
    /// <param name="path">The .pt file.</param>
    /// <param name="threads">libtorch intra-op threads (results are deterministic for a fixed count).</param>
    public TorchScriptContextModel(string path, int threads = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = path;
        this.threads = threads;
        try
        {
            module = ScriptModule.Load(path);
        }
        catch (TorchException e)
        {
            throw new ArtifactException(e.Message, e);
        }

        Description = $"{Path.GetFileName(path)} (TorchScript, libtorch {TorchRuntime.Version})";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public VectorSet Predict(EvalSet eval, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(eval);
        TorchRuntime.NumThreads = threads;
        var (n, c, d) = (eval.Count, eval.ContextLength, eval.Dimension);
        var predictions = new float[(long)n * d]; // (N, D)
        for (var start = 0; start < n; start += BatchRows)
        {
            var rows = Math.Min(BatchRows, n - start);
            using var scope = new DisposeScope();
            Tensor output;
            try
            {
                output = module.Forward(Tensor.From<float>(new ReadOnlySpan<float>(eval.Contexts, start * c * d, rows * c * d), rows, c, d));
            }
            catch (TorchException e)
            {
                throw new ArtifactException($"{path}: forward on contexts ({rows}, {c}, {d}) failed ({e.Message.Split('\n')[0]}); expected forward(contexts float32 (batch, {c}, {d})) -> (batch, {d})", e);
            }

            var shape = output.Shape;
            if (shape.Length != 2 || shape[0] != rows || shape[1] != d || output.DType != DType.Float32)
                throw new ArtifactException($"{path}: forward returned {output.DType} ({string.Join(", ", shape)}) for {rows} contexts; expected float32 ({rows}, {d}), one prediction per context");
            output.CopyTo<float>(predictions.AsSpan(start * d, rows * d));
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: {start + rows:N0} / {n:N0} contexts"));
        }

        return new VectorSet(predictions, n, d);
    }

    /// <inheritdoc />
    public void Dispose() => module.Dispose();
}
