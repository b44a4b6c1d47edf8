using System.Text;
using Nvf.Files;
using Nvf.Torch.Interop;
using Nvf.Torch.Serialization;

namespace Nvf.Torch;

/// <summary>
/// Reads and writes state dicts (name → tensor) in PyTorch's own file format (a zip holding a
/// pickle, written by torch::pickle_save): Python's <c>torch.load(path)</c> returns a dict of
/// tensors, and files from Python's <c>torch.save(model.state_dict(), path)</c> load here.
/// </summary>
public static class StateDictFile
{
    /// <summary>
    /// Writes <paramref name="state"/> to <paramref name="path"/> atomically: to a temporary file in
    /// the same directory, then renamed over the target, so a crash never leaves a torn checkpoint.
    /// </summary>
    public static unsafe void Save(string path, IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(state);
        var names = new MemoryStream();
        var handles = new nint[state.Count];
        var i = 0;
        foreach (var (name, tensor) in state)
        {
            if (string.IsNullOrEmpty(name) || name.Contains('\0'))
            {
                throw new ArgumentException($"state dict key '{name}' is empty or contains NUL", nameof(state));
            }

            names.Write(Encoding.UTF8.GetBytes(name));
            names.WriteByte(0);
            handles[i++] = tensor.Handle;
        }

        var nameBytes = names.ToArray();
        AtomicFile.WriteByPath(path, temporary => SaveTo(temporary, nameBytes, handles));
    }

    private static unsafe void SaveTo(string temporary, byte[] nameBytes, nint[] handles)
    {
        var pathBytes = Utf8(temporary);
        fixed (byte* p = pathBytes)
        fixed (byte* n = nameBytes)
        fixed (nint* h = handles)
        {
            NativeResult.Check(NativeMethods.nvft_state_save(p, n, h, handles.Length));
        }
    }

    /// <summary>
    /// Reads a state dict written by <see cref="Save"/> or by Python's torch.save (a dict or the
    /// OrderedDict of model.state_dict(); float32, int64 and bool tensors). The caller owns (must
    /// dispose) the returned tensors, which are contiguous copies.
    /// </summary>
    public static Dictionary<string, Tensor> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"state dict file not found: {full}", full);
        }

        return CheckpointReader.Read(full);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");
}
