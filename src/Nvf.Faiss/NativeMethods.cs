using System.Runtime.InteropServices;

namespace Nvf.Faiss;

/// <summary>
/// Every P/Invoke of the binding, one per export of native/nvf_faiss.h. Each returns the shim's
/// status code (0 = success); <see cref="FaissNativeLibrary.ThrowIfFailed"/> turns the others
/// into exceptions. Call <see cref="FaissNativeLibrary.EnsureLoaded"/> before the first of them.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string LibraryName = "nvf_faiss";

    /// <summary>
    /// libc's setenv: libgomp reads OMP_WAIT_POLICY from the native environment when it is loaded,
    /// and .NET's Environment.SetEnvironmentVariable does not reach that environment on Linux.
    /// </summary>
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetEnv(string name, string value, int overwrite);

    // glibc: return freed heap pages to the system (FAISS's inverted lists live in malloc's heap, which keeps what
    // it frees for reuse).
    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    internal static partial int MallocTrim(nuint pad);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_abi_version")]
    internal static partial int AbiVersion();

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_last_error")]
    internal static partial IntPtr LastError();

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_version")]
    internal static partial int Version(out int major, out int minor, out int patch);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_live_indexes")]
    internal static partial int LiveIndexes(out long count);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_set_threads")]
    internal static partial int SetThreads(int threads);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_get_threads")]
    internal static partial int GetThreads(out int threads);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_flat_new")]
    internal static partial int FlatNew(int d, int metric, out FaissIndexHandle index);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_ivf_flat_new")]
    internal static partial int IvfFlatNew(int d, long nlist, int metric, out FaissIndexHandle index);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_index_factory", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int IndexFactory(int d, string description, int metric, out FaissIndexHandle index);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_idmap_new")]
    internal static partial int IdMapNew(FaissIndexHandle inner, out FaissIndexHandle index);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_free")]
    internal static partial int Free(IntPtr index);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_info")]
    internal static partial int Info(FaissIndexHandle index, out int d, out long ntotal, out int isTrained, out int metric);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_train")]
    internal static partial int Train(FaissIndexHandle index, long n, float* x);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_add")]
    internal static partial int Add(FaissIndexHandle index, long n, float* x);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_add_with_ids")]
    internal static partial int AddWithIds(FaissIndexHandle index, long n, float* x, long* ids);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_search")]
    internal static partial int Search(FaissIndexHandle index, long n, float* x, long k, float* distances, long* labels);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_search_list_major")]
    internal static partial int SearchListMajor(FaissIndexHandle index, long n, float* x, long k, float* distances, long* labels);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_supports_list_major")]
    internal static partial int SupportsListMajor(FaissIndexHandle index, out int supported);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_knn_inner_product")]
    internal static partial int KnnInnerProduct(float* x, long nx, float* y, long ny, long d, long k, float* distances, long* labels);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_ivf_info")]
    internal static partial int IvfInfo(FaissIndexHandle index, out long nlist, out long nprobe, out long quantizerNtotal);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_ivf_set_nprobe")]
    internal static partial int IvfSetNprobe(FaissIndexHandle index, long nprobe);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_ivf_set_train_iterations")]
    internal static partial int IvfSetTrainIterations(FaissIndexHandle index, int iterations);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_write", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Write(FaissIndexHandle index, string path);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_read", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Read(string path, out FaissIndexHandle index);

    [LibraryImport(LibraryName, EntryPoint = "nvf_faiss_read_mapped", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ReadMapped(string path, out FaissIndexHandle index);
}
