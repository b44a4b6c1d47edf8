using Nvf.Core.Data;
using Nvf.Faiss;

namespace Nvf.Core.Index;

/// <summary>
/// Exact inner-product search over vectors that are not held in memory (a payload read in place): FAISS's
/// brute-force routine runs on one block of rows at a time and each query keeps its best <c>k</c> across blocks. The
/// result equals one FAISS call over the whole array, ties included: FAISS keeps the first rows it meets among equal
/// scores (the lower rows) and lists equal scores higher row first, and so does the merge. Over vectors held in memory
/// it is that one call.
/// </summary>
public static class BlockwiseExactSearch
{
    /// <summary>Rows per block: 65,536 (96 MB at 384-d, 192 MB at 768-d).</summary>
    public const int BlockRows = 1 << 16;

    /// <summary>The <paramref name="k"/> rows of <paramref name="database"/> of largest inner product with each query, best first.</summary>
    public static FaissSearchResult InnerProduct(VectorSet queries, IVectorRows database, int k, IProgress<int>? rowsDone = null)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(database);
        if (database is VectorSet held)
            return FaissExactSearch.InnerProduct(queries.Data, held.Data, held.Dimension, k);
        var (q, d) = (queries.Count, queries.Dimension);
        var ids = new long[(long)q * k];
        var scores = new float[(long)q * k];
        Array.Fill(ids, -1);
        Array.Fill(scores, float.NegativeInfinity);
        var merged = new (float Score, long Id)[2 * k];
        database.Scan((start, rows, block) =>
        {
            var part = FaissExactSearch.InnerProduct(queries.Data, block, d, Math.Min(k, rows));
            for (var query = 0; query < q; query++)
            {
                var n = 0;
                for (var j = 0; j < k; j++)
                {
                    if (ids[(long)query * k + j] >= 0)
                        merged[n++] = (scores[(long)query * k + j], ids[(long)query * k + j]);
                }

                var found = part.IdsOf(query);
                var foundScores = part.ScoresOf(query);
                for (var j = 0; j < found.Length; j++)
                {
                    if (found[j] >= 0)
                        merged[n++] = (foundScores[j], start + found[j]);
                }

                Array.Sort(merged, 0, n, KeepFirst);
                Array.Sort(merged, 0, Math.Min(k, n), ListHigherFirst);
                for (var j = 0; j < k; j++)
                {
                    ids[(long)query * k + j] = j < n ? merged[j].Id : -1;
                    scores[(long)query * k + j] = j < n ? merged[j].Score : float.NaN;
                }
            }

            rowsDone?.Report(start + rows);
        }, BlockRows);
        return FaissSearchResult.Create(ids, scores, q, k);
    }

    // Which rows stay among equal scores: the lower rows, met first (FAISS replaces its worst only by a strictly better score).
    private static readonly Comparer<(float Score, long Id)> KeepFirst =
        Comparer<(float Score, long Id)>.Create((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));

    // How equal scores are listed: higher row first, as FAISS's heap sort leaves them.
    private static readonly Comparer<(float Score, long Id)> ListHigherFirst =
        Comparer<(float Score, long Id)>.Create((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : b.Id.CompareTo(a.Id));
}
