using Nvf.Core.Artifacts;

namespace Nvf.Core.Models;

/// <summary>Opens a researcher's model file by its kind: ONNX (.onnx) or TorchScript (.pt, .pth, .torchscript).</summary>
public static class ContextModelFile
{
    /// <summary>The environment variable naming a model file for the predictions feature.</summary>
    public const string Variable = "NVF_MODEL";

    /// <summary>Contexts per forward call.</summary>
    public const int BatchRows = 256;

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ArtifactException"/> for another extension or an unloadable file.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="threads">Intra-op threads.</param>
    public static IContextModel Open(string path, int threads = 2) =>
        new FunctionContextModel(ModelFunctionFile.Open(path, "context model", threads));

    /// <summary>
    /// Runs the model over the eval set and writes its predictions as float32 .npy into <paramref name="folder"/>
    /// (atomically), returning the file: the model path then joins the predictions path.
    /// </summary>
    /// <param name="modelPath">The model file.</param>
    /// <param name="eval">The eval set.</param>
    /// <param name="folder">Where the predictions file goes.</param>
    /// <param name="progress">Hears each batch, or null.</param>
    public static string WritePredictions(string modelPath, Data.EvalSet eval, string folder, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(eval);
        using var model = Open(modelPath);
        progress?.Report($"running {model.Description} over {eval.Count:N0} eval contexts");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var predictions = model.Predict(eval, progress);
        var batches = (eval.Count + BatchRows - 1) / BatchRows;
        progress?.Report(FormattableString.Invariant(
            $"{model.Description}: {eval.Count:N0} contexts in {clock.Elapsed.TotalSeconds:F2} s, {clock.Elapsed.TotalMilliseconds / batches:F1} ms per batch of {BatchRows}"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"predictions-of-{Path.GetFileNameWithoutExtension(modelPath)}.npy");
        Data.NumPy.NpyWriter.Write(file, predictions);
        return file;
    }
}
