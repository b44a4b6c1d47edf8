using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>
/// A TorchScript module loaded from a torch.jit.save file (torch.jit.script or torch.jit.trace), run on the CPU in
/// eval mode without autograd. libtorch 1.13 reads files from PyTorch up to 1.13; a newer file fails to load with a
/// <see cref="TorchException"/> that says so.
/// </summary>
public sealed class ScriptModule : IDisposable
{
    private nint handle;

    private ScriptModule(nint handle) => this.handle = handle;

    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <param name="path">The .pt file.</param>
    public static ScriptModule Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such TorchScript file", path);
        var loaded = NativeMethods.nvft_jit_load(path);
        if (loaded == 0)
        {
            var error = NativeResult.LastError().Message;
            var newer = error.Contains("version", StringComparison.OrdinalIgnoreCase)
                ? $" It was probably written by a PyTorch newer than libtorch {TorchRuntime.Version}, which reads TorchScript from PyTorch up to its own version: export the model with torch.onnx.export (any PyTorch version) or hand the gate its predictions .npy instead."
                : "";
            throw new TorchException($"{path}: libtorch {TorchRuntime.Version} cannot load it as TorchScript: {error.Split('\n')[0]}.{newer}");
        }

        return new ScriptModule(loaded);
    }

    /// <summary>forward(<paramref name="input"/>) for a module that takes one tensor and returns one.</summary>
    /// <param name="input">The input tensor.</param>
    public Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(handle == 0, this);
        return NativeResult.Tensor(NativeMethods.nvft_jit_forward(handle, input.Handle));
    }

    /// <summary>How many tensors forward takes (its arguments besides self).</summary>
    public int ForwardArity
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            return NativeResult.Check(NativeMethods.nvft_jit_forward_arity(handle));
        }
    }

    /// <summary>forward(<paramref name="inputs"/>...) for a module that takes several tensors and returns one.</summary>
    /// <param name="inputs">The input tensors, in forward's order.</param>
    public unsafe Tensor Forward(params Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(handle == 0, this);
        var handles = inputs.Select(t => (t ?? throw new ArgumentException("null input tensor", nameof(inputs))).Handle).ToArray();
        fixed (nint* h = handles)
        {
            var result = NativeResult.Tensor(NativeMethods.nvft_jit_forward_many(handle, h, handles.Length));
            GC.KeepAlive(inputs);
            return result;
        }
    }

    /// <summary>Frees the native module.</summary>
    public void Dispose()
    {
        if (handle != 0)
        {
            NativeMethods.nvft_jit_free(handle);
            handle = 0;
        }
    }
}
