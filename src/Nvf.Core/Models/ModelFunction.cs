using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Nvf.Core.Artifacts;
using Nvf.Torch;
using Tensor = Nvf.Torch.Tensor;

namespace Nvf.Core.Models;

/// <summary>A float32 input or output of a model file: row-major values and their shape.</summary>
/// <param name="Values">The values, row-major.</param>
/// <param name="Shape">The shape.</param>
public sealed record FloatArray(float[] Values, int[] Shape)
{
    /// <summary>"(256, 5, 128)".</summary>
    public string ShapeText => "(" + string.Join(", ", Shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")";
}

/// <summary>
/// A researcher's model file seen as a function of float32 tensors: forward(inputs...) → one float32 tensor. The
/// soft attention and reranker wrappers check shapes and say what each input means; this layer only runs the file.
/// </summary>
public interface IModelFunction : IDisposable
{
    /// <summary>The file.</summary>
    string Path { get; }

    /// <summary>What was loaded, e.g. "reranker.onnx (ONNX; inputs 'queries', 'candidates')".</summary>
    string Description { get; }

    /// <summary>How many tensors forward takes.</summary>
    int Inputs { get; }

    /// <summary>Runs forward on <paramref name="inputs"/> (as many as <see cref="Inputs"/>); throws <see cref="ArtifactException"/> naming the file.</summary>
    FloatArray Run(IReadOnlyList<FloatArray> inputs);
}

/// <summary>Opens model files by their kind: ONNX (.onnx) or TorchScript (.pt, .pth, .torchscript).</summary>
public static class ModelFunctionFile
{
    /// <summary>Loads <paramref name="path"/>; <paramref name="role"/> ("soft attention model") names it in errors.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="role">What the file is for, for messages.</param>
    /// <param name="threads">Intra-op threads (results are deterministic for a fixed count).</param>
    public static IModelFunction Open(string path, string role, int threads = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new ArtifactException($"{path} (the {role}): no such file");
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".onnx" => new OnnxModelFunction(path, threads),
            ".pt" or ".pth" or ".torchscript" => new TorchScriptModelFunction(path, threads),
            var other => throw new ArtifactException($"{path} (the {role}): a '{other}' file is not a model the gate runs; expected ONNX (.onnx, torch.onnx.export) or TorchScript (.pt, torch.jit.save)"),
        };
    }
}

/// <summary>An ONNX model run by ONNX Runtime on the CPU: float32 inputs in the graph's order, its first output.</summary>
public sealed class OnnxModelFunction : IModelFunction
{
    private readonly InferenceSession session;
    private readonly string[] inputs;
    private readonly string output;

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ArtifactException"/> naming the file.</summary>
    public OnnxModelFunction(string path, int threads = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ArtifactException($"{path}: ONNX Runtime cannot load it ({e.Message.Split('\n')[0].Trim()}); expected an ONNX model exported with torch.onnx.export", e);
        }

        inputs = [.. session.InputMetadata.Keys];
        output = session.OutputMetadata.Keys.FirstOrDefault() ?? "";
        var notFloat = session.InputMetadata.FirstOrDefault(i => i.Value.ElementType != typeof(float));
        if (output.Length == 0 || notFloat.Key is not null)
        {
            session.Dispose();
            throw new ArtifactException(notFloat.Key is not null
                ? $"{path}: input '{notFloat.Key}' is {notFloat.Value.ElementType.Name}; expected float32 inputs"
                : $"{path}: the model has no output; expected one float32 output");
        }

        Description = $"{System.IO.Path.GetFileName(path)} (ONNX; inputs {string.Join(", ", inputs.Select(i => $"'{i}' {Dims(session.InputMetadata[i].Dimensions)}"))}; output '{output}')";
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public int Inputs => inputs.Length;

    /// <inheritdoc />
    public FloatArray Run(IReadOnlyList<FloatArray> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != inputs.Length)
            throw new ArtifactException($"{Path}: the model takes {inputs.Length} inputs; {values.Count} were given");
        try
        {
            var named = values.Select((v, i) => NamedOnnxValue.CreateFromTensor(inputs[i], new DenseTensor<float>(v.Values, v.Shape))).ToList();
            using var results = session.Run(named, [output]);
            var result = results[0].AsTensor<float>();
            return new FloatArray([.. result], [.. result.Dimensions]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ArtifactException($"{Path}: running it on inputs {string.Join(", ", values.Select(v => v.ShapeText))} failed ({e.Message.Split('\n')[0].Trim()}); export it with a dynamic batch axis (dynamic_axes in torch.onnx.export)", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();

    private static string Dims(int[] dims) => "(" + string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture))) + ")";
}

/// <summary>A TorchScript module (torch.jit.save) run by libtorch 1.13: forward(inputs...) → one tensor.</summary>
public sealed class TorchScriptModelFunction : IModelFunction
{
    private readonly ScriptModule module;
    private readonly int threads;

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ArtifactException"/> naming the file and what to do.</summary>
    public TorchScriptModelFunction(string path, int threads = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        this.threads = threads;
        if (NotTorchScript(path) is { } why)
            throw new ArtifactException(
                $"{path}: not TorchScript ({why}). A torch.save checkpoint holds Python classes the gate cannot run: write its predictions in your own " +
                "environment with python/nvf_predictions.py (docs/infonce.md: \"Your model, any architecture\") and pass them with --predictions; " +
                "or export with torch.jit.save / torch.onnx.export");
        try
        {
            module = ScriptModule.Load(path);
            Inputs = module.ForwardArity;
        }
        catch (TorchException e)
        {
            throw new ArtifactException(e.Message, e);
        }

        Description = $"{System.IO.Path.GetFileName(path)} (TorchScript, libtorch {TorchRuntime.Version}; forward takes {Inputs} tensors)";
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public int Inputs { get; }

    // torch.jit.save writes a zip with constants.pkl and code/; torch.save a zip with data.pkl only (or, before
    // PyTorch 1.6, a bare pickle, not a zip at all). Null when the file is a TorchScript archive.
    static string? NotTorchScript(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            return zip.Entries.Any(e => e.FullName.EndsWith("/constants.pkl", StringComparison.Ordinal) || e.FullName == "constants.pkl")
                ? null
                : "a zip archive without constants.pkl, as torch.save writes";
        }
        catch (InvalidDataException)
        {
            return "not a zip archive, which every TorchScript file is";
        }
    }

    /// <inheritdoc />
    public FloatArray Run(IReadOnlyList<FloatArray> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Inputs)
            throw new ArtifactException($"{Path}: forward takes {Inputs} tensors; {values.Count} were given");
        TorchRuntime.NumThreads = threads;
        using var scope = new DisposeScope();
        Tensor output;
        try
        {
            output = module.Forward([.. values.Select(v => Tensor.From<float>(v.Values, [.. v.Shape.Select(s => (long)s)]))]);
        }
        catch (TorchException e)
        {
            throw new ArtifactException($"{Path}: forward on inputs {string.Join(", ", values.Select(v => v.ShapeText))} failed ({e.Message.Split('\n')[0]})", e);
        }

        if (output.DType != DType.Float32)
            throw new ArtifactException($"{Path}: forward returned {output.DType}; expected float32");
        return new FloatArray(output.ToArray<float>(), [.. output.Shape.Select(s => checked((int)s))]);
    }

    /// <inheritdoc />
    public void Dispose() => module.Dispose();
}
