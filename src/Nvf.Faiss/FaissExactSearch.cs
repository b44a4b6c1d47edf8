namespace Nvf.Faiss;

/// <summary>
/// Exact search over vectors the caller already holds, without building an index: FAISS's brute-force
/// routine reads the caller's array in place, so an exact search over a 584,000 x 768 payload costs no second
/// 1.8 GB copy. The results equal those of a flat index over the same vectors (IndexFlatIP runs this routine).
/// </summary>
public static unsafe class FaissExactSearch
{
    /// <summary>
    /// The <paramref name="k"/> database rows of largest inner product with each query, best first; ids are row
    /// numbers of <paramref name="database"/>.
    /// </summary>
    /// <param name="queries">Row-major float32 (Q, <paramref name="dimension"/>), finite.</param>
    /// <param name="database">Row-major float32 (N, <paramref name="dimension"/>), finite.</param>
    /// <param name="dimension">Columns of both.</param>
    /// <param name="k">Results per query (&gt;= 1); rows beyond N come back as id -1 with a NaN score.</param>
    public static FaissSearchResult InnerProduct(ReadOnlySpan<float> queries, ReadOnlySpan<float> database, int dimension, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (k <= 0)
            throw new ArgumentOutOfRangeException(nameof(k), k, "expected k >= 1 results per query");
        var rows = VectorBatch.CountRows(queries, dimension, dimension, nameof(queries));
        var count = VectorBatch.CountRows(database, dimension, dimension, nameof(database));
        FaissNativeLibrary.EnsureLoaded();
        var ids = new long[(long)rows * k];
        var scores = new float[(long)rows * k];
        fixed (float* x = queries)
        fixed (float* y = database)
        fixed (float* d = scores)
        fixed (long* l = ids)
            FaissNativeLibrary.ThrowIfFailed(NativeMethods.KnnInnerProduct(x, rows, y, count, dimension, k, d, l), $"exact search of {rows} queries over {count} vectors for k = {k}");
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] < 0)
                scores[i] = float.NaN;
        }

        return new FaissSearchResult(ids, scores, rows, k);
    }
}
