namespace Nvf.Faiss;

/// <summary>
/// One FAISS index owned by managed code: flat, IVF-Flat, anything <c>index_factory</c> builds, an
/// ID map around any of them, or one read from a <c>.faiss</c> file (the format of Python FAISS 1.7.3).
/// Vectors go in and out as row-major float32 spans of shape (rows, <see cref="Dimension"/>).
/// Searches may run concurrently; adding, training and changing <see cref="Nprobe"/> may not run
/// alongside anything else on the same index. Dispose frees the native index (and the quantizer
/// an IVF index owns) exactly once.
/// </summary>
public sealed unsafe class FaissIndex : IDisposable
{
    private readonly FaissIndexHandle _handle;

    private FaissIndex(FaissIndexHandle handle, string origin)
    {
        _handle = handle;
        FaissNativeLibrary.ThrowIfFailed(NativeMethods.Info(handle, out var d, out _, out _, out var metric), $"inspecting {origin}");
        Dimension = d;
        Metric = (FaissMetric)metric;
    }

    /// <summary>Exact search over all vectors (FAISS <c>IndexFlatIP</c> / <c>IndexFlatL2</c>); needs no training.</summary>
    public static FaissIndex CreateFlat(int dimension, FaissMetric metric)
    {
        GuardDimension(dimension);
        GuardMetric(metric);
        FaissNativeLibrary.EnsureLoaded();
        var status = NativeMethods.FlatNew(dimension, (int)metric, out var handle);
        return Adopt(status, handle, $"creating a flat {metric} index of dimension {dimension}");
    }

    /// <summary>
    /// An inverted-file index with <paramref name="listCount"/> lists (nlist) over a flat quantizer
    /// that it owns (<c>own_fields</c>). Call <see cref="Train"/> before adding; FAISS advises
    /// nlist between 4 and 16 times sqrt(N) and at least 39 training vectors per list.
    /// </summary>
    public static FaissIndex CreateIvfFlat(int dimension, int listCount, FaissMetric metric)
    {
        GuardDimension(dimension);
        GuardMetric(metric);
        if (listCount <= 0)
            throw new ArgumentOutOfRangeException(nameof(listCount), listCount, "expected nlist >= 1");
        FaissNativeLibrary.EnsureLoaded();
        var status = NativeMethods.IvfFlatNew(dimension, listCount, (int)metric, out var handle);
        return Adopt(status, handle, $"creating an IVF{listCount},Flat {metric} index of dimension {dimension}");
    }

    /// <summary>Any index FAISS's <c>index_factory</c> understands, e.g. "IVF4096,Flat", "IDMap,Flat", "HNSW32", "PCA64,IVF256,PQ8".</summary>
    public static FaissIndex Create(int dimension, string description, FaissMetric metric)
    {
        GuardDimension(dimension);
        GuardMetric(metric);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        FaissNativeLibrary.EnsureLoaded();
        var status = NativeMethods.IndexFactory(dimension, description, (int)metric, out var handle);
        return Adopt(status, handle, $"index_factory(\"{description}\") for dimension {dimension}");
    }

    /// <summary>
    /// Wraps <paramref name="inner"/> in an ID map (FAISS <c>IndexIDMap</c>) so that searches return
    /// the caller's 64-bit ids given to <see cref="Add(ReadOnlySpan{float}, int, ReadOnlySpan{long})"/>.
    /// The map takes ownership: <paramref name="inner"/> is consumed and must not be used again.
    /// </summary>
    public static FaissIndex WithIds(FaissIndex inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        inner.GuardNotDisposed();
        if (inner.Count != 0)
            throw new ArgumentException($"expected an empty index to wrap, got one holding {inner.Count} vectors without ids", nameof(inner));
        var status = NativeMethods.IdMapNew(inner._handle, out var handle);
        var map = Adopt(status, handle, "wrapping an index in an ID map");
        // The native map now frees the inner index; the inner handle must never free it too.
        inner._handle.SetHandleAsInvalid();
        return map;
    }

    /// <summary>Reads a <c>.faiss</c> file written by <see cref="Write"/> or by Python FAISS (<c>faiss.write_index</c>).</summary>
    public static FaissIndex Read(string path) => Open(path, mapped: false);

    /// <summary>
    /// Reads a <c>.faiss</c> file leaving an IVF index's inverted lists (its vectors) in the file, memory-mapped
    /// read-only (FAISS's <c>IO_FLAG_MMAP</c>): the operating system pages them in as searches touch them and can drop
    /// them again, so an index larger than the process's memory can be searched. Other index types are read whole.
    /// The file must not be rewritten while the index is open (write a new file and rename it instead); adding to a
    /// mapped index fails.
    /// </summary>
    public static FaissIndex ReadMapped(string path) => Open(path, mapped: true);

    private static FaissIndex Open(string path, bool mapped)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"no FAISS index file at {full}", full);
        FaissNativeLibrary.EnsureLoaded();
        var status = mapped ? NativeMethods.ReadMapped(full, out var handle) : NativeMethods.Read(full, out handle);
        var index = Adopt(status, handle, $"reading the FAISS index file {full}{(mapped ? " memory-mapped" : "")} (is it a FAISS index, complete and uncorrupted?)");
        index.IsMapped = mapped && index.ListCount > 0;
        return index;
    }

    /// <summary>True when the index's inverted lists are memory-mapped from its file (<see cref="ReadMapped"/>).</summary>
    public bool IsMapped { get; private set; }

    /// <summary>Length of every vector (d).</summary>
    public int Dimension { get; }

    /// <summary>How scores are computed: inner product (higher is closer) or squared L2 (lower is closer).</summary>
    public FaissMetric Metric { get; }

    /// <summary>Number of vectors held (FAISS <c>ntotal</c>).</summary>
    public long Count => ReadInfo().Count;

    /// <summary>False for an IVF index until <see cref="Train"/> has run; flat indexes are always trained.</summary>
    public bool IsTrained => ReadInfo().IsTrained;

    /// <summary>Number of inverted lists (nlist), or 0 when this is not an IVF index.</summary>
    public int ListCount => (int)ReadIvf().ListCount;

    /// <summary>Lists probed per query (IVF only; FAISS's default is 1). Higher is slower and more exact.</summary>
    public int Nprobe
    {
        get => (int)RequireIvf(nameof(Nprobe)).Nprobe;
        set
        {
            var ivf = RequireIvf(nameof(Nprobe));
            if (value <= 0 || value > ivf.ListCount)
                throw new ArgumentOutOfRangeException(nameof(value), value, $"expected nprobe in [1, {ivf.ListCount}] (nlist)");
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.IvfSetNprobe(_handle, value), "setting nprobe");
        }
    }

    /// <summary>Vectors held by the IVF quantizer: nlist once trained, 0 before. Shows that the owned quantizer is alive.</summary>
    public long QuantizerCount => RequireIvf(nameof(QuantizerCount)).QuantizerCount;

    /// <summary>
    /// Sets the k-means iterations <see cref="Train"/> runs for an IVF index (FAISS's default is 25).
    /// Fewer iterations train faster with slightly worse lists.
    /// </summary>
    public void SetTrainingIterations(int iterations)
    {
        RequireIvf(nameof(SetTrainingIterations));
        if (iterations <= 0)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "expected at least 1 k-means iteration");
        FaissNativeLibrary.ThrowIfFailed(NativeMethods.IvfSetTrainIterations(_handle, iterations), "setting the k-means iterations");
    }

    /// <summary>Trains the index (k-means for IVF) on row-major vectors of shape (rows, <paramref name="dimension"/>).</summary>
    public void Train(ReadOnlySpan<float> vectors, int dimension)
    {
        GuardNotDisposed();
        var rows = VectorBatch.CountRows(vectors, dimension, Dimension, nameof(vectors));
        fixed (float* x = vectors)
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.Train(_handle, rows, x), $"training on {rows} vectors");
    }

    /// <summary>Adds row-major vectors of shape (rows, <paramref name="dimension"/>); they get ids Count, Count + 1, ...</summary>
    public void Add(ReadOnlySpan<float> vectors, int dimension)
    {
        var rows = GuardAdd(vectors, dimension);
        fixed (float* x = vectors)
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.Add(_handle, rows, x), $"adding {rows} vectors");
    }

    /// <summary>
    /// Adds vectors with the caller's ids (one per row, each >= 0) to an ID map or an IVF index.
    /// FAISS refuses ids on a bare flat index: wrap it with <see cref="WithIds"/> first.
    /// </summary>
    public void Add(ReadOnlySpan<float> vectors, int dimension, ReadOnlySpan<long> ids)
    {
        var rows = GuardAdd(vectors, dimension);
        if (ids.Length != rows)
            throw new ArgumentException($"expected one id per vector ({rows}), got {ids.Length}", nameof(ids));
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] < 0)
                throw new ArgumentException($"id at row {i} is {ids[i]}; expected ids >= 0 (-1 marks missing results)", nameof(ids));
        }
        fixed (float* x = vectors)
        fixed (long* id = ids)
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.AddWithIds(_handle, rows, x, id), $"adding {rows} vectors with ids");
    }

    /// <summary>
    /// Batches of at least this many queries over an IVF-Flat inner-product index are searched list-major by
    /// <see cref="FaissSearchOrder.Automatic"/>; below it, FAISS's own query-by-query search (each query reads its lists
    /// once either way, and FAISS spreads queries over threads).
    /// </summary>
    public const int ListMajorMinimumQueries = 32;

    /// <summary>
    /// True when <see cref="FaissSearchOrder.ListMajor"/> applies: an IVF-Flat index with the inner-product metric, the
    /// gate's own index kind and the seed's.
    /// </summary>
    public bool SupportsListMajor
    {
        get
        {
            GuardNotDisposed();
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.SupportsListMajor(_handle, out var supported), "asking whether the index can be searched list-major");
            return supported != 0;
        }
    }

    /// <summary>
    /// The <paramref name="k"/> best results for each row-major query of shape (rows, <paramref name="dimension"/>).
    /// <paramref name="order"/> chooses how the lists of an IVF-Flat inner-product index are read (the answer is the
    /// same search; see <see cref="FaissSearchOrder"/>).
    /// </summary>
    public FaissSearchResult Search(ReadOnlySpan<float> queries, int dimension, int k, FaissSearchOrder order = FaissSearchOrder.Automatic)
    {
        GuardNotDisposed();
        if (k <= 0)
            throw new ArgumentOutOfRangeException(nameof(k), k, "expected k >= 1 results per query");
        var rows = VectorBatch.CountRows(queries, dimension, Dimension, nameof(queries));
        var (count, trained) = ReadInfo();
        if (!trained)
            throw new InvalidOperationException("cannot search an untrained index: call Train, then Add, first");
        if (count == 0)
            throw new InvalidOperationException("cannot search an empty index: it holds no vectors; call Add first");
        var ids = new long[(long)rows * k];
        var scores = new float[(long)rows * k];
        var listMajor = order switch
        {
            FaissSearchOrder.QueryMajor => false,
            FaissSearchOrder.ListMajor => SupportsListMajor ? true
                : throw new ArgumentException("a list-major search needs an IVF-Flat index with the inner-product metric; search this index with FaissSearchOrder.QueryMajor or Automatic", nameof(order)),
            FaissSearchOrder.Automatic => rows >= ListMajorMinimumQueries && SupportsListMajor,
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "expected Automatic, QueryMajor or ListMajor"),
        };
        fixed (float* x = queries)
        fixed (float* d = scores)
        fixed (long* l = ids)
            FaissNativeLibrary.ThrowIfFailed(
                listMajor ? NativeMethods.SearchListMajor(_handle, rows, x, k, d, l) : NativeMethods.Search(_handle, rows, x, k, d, l),
                $"searching {rows} queries for k = {k}");
        for (var i = 0; i < ids.Length; i++)
        {
            // FAISS leaves +-FLT_MAX beside missing ids; NaN cannot be mistaken for a real score.
            if (ids[i] < 0)
                scores[i] = float.NaN;
        }
        return new FaissSearchResult(ids, scores, rows, k);
    }

    /// <summary>Writes the index to <paramref name="path"/> in FAISS's file format (readable by Python's <c>faiss.read_index</c>).</summary>
    public void Write(string path)
    {
        GuardNotDisposed();
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        FaissNativeLibrary.ThrowIfFailed(NativeMethods.Write(_handle, full), $"writing the FAISS index file {full}");
    }

    /// <summary>Frees the native index once; later calls do nothing.</summary>
    public void Dispose() => _handle.Dispose();

    private static FaissIndex Adopt(int status, FaissIndexHandle handle, string operation)
    {
        if (status != 0)
        {
            handle.Dispose();
            FaissNativeLibrary.ThrowIfFailed(status, operation);
        }
        return new FaissIndex(handle, operation);
    }

    private int GuardAdd(ReadOnlySpan<float> vectors, int dimension)
    {
        GuardNotDisposed();
        var rows = VectorBatch.CountRows(vectors, dimension, Dimension, nameof(vectors));
        if (!IsTrained)
            throw new InvalidOperationException("cannot add to an untrained index: call Train first (IVF indexes need k-means lists)");
        return rows;
    }

    private (long Count, bool IsTrained) ReadInfo()
    {
        GuardNotDisposed();
        FaissNativeLibrary.ThrowIfFailed(NativeMethods.Info(_handle, out _, out var ntotal, out var trained, out _), "inspecting the index");
        return (ntotal, trained != 0);
    }

    private (long ListCount, long Nprobe, long QuantizerCount) ReadIvf()
    {
        GuardNotDisposed();
        FaissNativeLibrary.ThrowIfFailed(NativeMethods.IvfInfo(_handle, out var nlist, out var nprobe, out var quantizer), "inspecting the IVF index");
        return (nlist, nprobe, quantizer);
    }

    private (long ListCount, long Nprobe, long QuantizerCount) RequireIvf(string member)
    {
        var ivf = ReadIvf();
        if (ivf.ListCount == 0)
            throw new InvalidOperationException($"{member} applies only to IVF indexes; this one has no inverted lists");
        return ivf;
    }

    private void GuardNotDisposed()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed || _handle.IsInvalid, this);
    }

    private static void GuardDimension(int dimension)
    {
        if (dimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "expected a dimension >= 1");
    }

    private static void GuardMetric(FaissMetric metric)
    {
        if (!Enum.IsDefined(metric))
            throw new ArgumentOutOfRangeException(nameof(metric), metric, "expected FaissMetric.InnerProduct or FaissMetric.L2");
    }
}
