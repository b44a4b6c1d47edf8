using System.Runtime.InteropServices;

namespace Nvf.Faiss.Bench;

/// <summary>Raw little-endian arrays on disk, read by NumPy's <c>np.fromfile</c> on the Python side.</summary>
internal static class RawFloats
{
    internal static void Write<T>(string path, ReadOnlySpan<T> values) where T : unmanaged
    {
        using var file = File.Create(path);
        file.Write(MemoryMarshal.AsBytes(values));
    }

    internal static T[] Read<T>(string path) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(File.ReadAllBytes(path)).ToArray();
}
