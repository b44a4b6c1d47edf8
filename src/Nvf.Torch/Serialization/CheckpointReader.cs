using System.IO.Compression;
using System.Runtime.InteropServices;
using Nvf.Torch.Interop;

namespace Nvf.Torch.Serialization;

/// <summary>
/// Reads a torch.save zip file holding a dict of tensors: "&lt;archive&gt;/data.pkl" (the pickle)
/// and "&lt;archive&gt;/data/&lt;key&gt;" (raw little-endian storages).
/// </summary>
internal static class CheckpointReader
{
    /// <summary>Returns name → tensor (contiguous copies owned by the caller), in the file's order.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var pickle = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"{path} is not a torch.save file: it has no data.pkl record");
        var archive = pickle.FullName[..^"data.pkl".Length];
        if (PickleMachine.Run(ReadAll(pickle)) is not PickleDict root)
        {
            throw new InvalidDataException($"{path} does not hold a dict (save a state dict: torch.save(model.state_dict(), path))");
        }

        var storages = new Dictionary<string, Tensor>();
        var result = new Dictionary<string, Tensor>();
        try
        {
            foreach (var (key, value) in root)
            {
                if (key is not string name || value is not PickledTensor stored)
                {
                    throw new InvalidDataException($"{path}: entry '{key}' is not a named tensor");
                }

                if (!storages.TryGetValue(stored.Storage.Key, out var storage))
                {
                    var record = zip.GetEntry(archive + "data/" + stored.Storage.Key)
                        ?? throw new InvalidDataException($"{path}: storage record data/{stored.Storage.Key} is missing");
                    storage = Flat(ReadAll(record), stored.Storage.DType);
                    storages[stored.Storage.Key] = storage;
                }

                result[name] = View(storage, stored);
            }
        }
        catch
        {
            foreach (var tensor in result.Values)
            {
                tensor.Dispose();
            }

            throw;
        }
        finally
        {
            foreach (var storage in storages.Values)
            {
                storage.Dispose();
            }
        }

        return result;
    }

    private static Tensor Flat(byte[] bytes, DType dtype) => dtype switch
    {
        DType.Float32 => Tensor.From<float>(MemoryMarshal.Cast<byte, float>(bytes)),
        DType.Int64 => Tensor.From<long>(MemoryMarshal.Cast<byte, long>(bytes)),
        _ => Tensor.From<bool>(MemoryMarshal.Cast<byte, bool>(bytes)),
    };

    private static unsafe Tensor View(Tensor storage, PickledTensor stored)
    {
        if (stored.Size.Length != stored.Stride.Length)
        {
            throw new InvalidDataException($"stored tensor has {stored.Size.Length} sizes but {stored.Stride.Length} strides");
        }

        fixed (long* size = stored.Size)
        fixed (long* stride = stored.Stride)
        {
            return NativeResult.Tensor(NativeMethods.nvft_strided_copy(storage.Handle, size, stride, stored.Size.Length, stored.Offset)).DetachFromDisposeScope();
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
