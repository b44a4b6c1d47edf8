using System.Runtime.Intrinsics;
using System.Text.Json.Nodes;

namespace Nvf.Qdrant.Testing;

/// <summary>
/// One collection of <see cref="QdrantRestDouble"/>: points by id and exact (brute-force) search
/// with Qdrant's score conventions.
/// </summary>
internal sealed class DoubleCollection
{
    private readonly SortedDictionary<ulong, (float[] Vector, JsonObject? Payload)> _points = new();

    public DoubleCollection(QdrantCollectionSpec spec) => Spec = spec;

    public QdrantCollectionSpec Spec { get; }

    /// <summary>GET reads left that answer "yellow" (optimizing) after the last write.</summary>
    public int OptimizingReadsLeft { get; set; }

    /// <summary>Update operations served (the operation_id of the last).</summary>
    public long Operations { get; set; }

    public int Count => _points.Count;

    /// <summary>Stores the point; Cosine collections keep the unit-normalized vector, as Qdrant does.</summary>
    public void Upsert(ulong id, float[] vector, JsonObject? payload)
    {
        if (vector.Length != Spec.Size)
            throw new ArgumentException($"Wrong input: Vector dimension error: expected dim: {Spec.Size}, got {vector.Length}");
        _points[id] = (Spec.Distance == QdrantDistance.Cosine ? Normalized(vector) : vector, payload);
    }

    /// <summary>
    /// Exact top-<paramref name="limit"/>: Cosine = dot of unit vectors, Dot = inner product
    /// (both descending), Euclid = sqrt of the summed squared differences (ascending). Ties go to
    /// the smaller id so results are reproducible.
    /// </summary>
    public List<(ulong Id, float Score, JsonObject? Payload)> Search(float[] query, int limit)
    {
        if (query.Length != Spec.Size)
            throw new ArgumentException($"Wrong input: Vector dimension error: expected dim: {Spec.Size}, got {query.Length}");
        float[] q = Spec.Distance == QdrantDistance.Cosine ? Normalized(query) : query;
        bool ascending = Spec.Distance == QdrantDistance.Euclid;
        // Keep the best `limit` in a sorted list (k is small, the collection may hold tens of thousands of points).
        var best = new List<(ulong Id, float Score, JsonObject? Payload)>(limit + 1);
        int Compare((ulong Id, float Score, JsonObject? Payload) a, (ulong Id, float Score, JsonObject? Payload) b)
        {
            int byScore = ascending ? a.Score.CompareTo(b.Score) : b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : a.Id.CompareTo(b.Id);
        }

        foreach (var (id, point) in _points)
        {
            var candidate = (id, Score(q, point.Vector), point.Payload);
            if (best.Count == limit && Compare(candidate, best[^1]) >= 0)
                continue;
            int at = best.BinarySearch(candidate, Comparer<(ulong, float, JsonObject?)>.Create(Compare));
            best.Insert(at < 0 ? ~at : at, candidate);
            if (best.Count > limit)
                best.RemoveAt(best.Count - 1);
        }

        return best;
    }

    /// <summary>Points with id >= <paramref name="offset"/> in id order, and the id that starts the next page.</summary>
    public (List<(ulong Id, float[] Vector, JsonObject? Payload)> Page, ulong? Next) Scroll(ulong? offset, int limit)
    {
        var page = new List<(ulong, float[], JsonObject?)>();
        ulong? next = null;
        foreach (var (id, point) in _points)
        {
            if (offset is ulong start && id < start)
                continue;
            if (page.Count == limit)
            {
                next = id;
                break;
            }
            page.Add((id, point.Vector, point.Payload));
        }
        return (page, next);
    }

    // Summed in double, as before, eight lanes at a time (the collection's search is exact brute force over every point;
    // the sum's order differs from a sequential loop only below float precision).
    private float Score(float[] q, float[] x)
    {
        if (Spec.Distance == QdrantDistance.Euclid)
        {
            double squares = 0;
            for (int i = 0; i < q.Length; i++)
            {
                double d = (double)q[i] - x[i];
                squares += d * d;
            }
            return (float)Math.Sqrt(squares);
        }

        return (float)DotInDouble(q, x);
    }

    internal static double DotInDouble(ReadOnlySpan<float> q, ReadOnlySpan<float> x)
    {
        int i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && q.Length >= Vector256<float>.Count)
        {
            var low = Vector256<double>.Zero;
            var high = Vector256<double>.Zero;
            for (; i <= q.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var (ql, qh) = Vector256.Widen(Vector256.Create(q.Slice(i, Vector256<float>.Count)));
                var (xl, xh) = Vector256.Widen(Vector256.Create(x.Slice(i, Vector256<float>.Count)));
                low += ql * xl;
                high += qh * xh;
            }

            sum = Vector256.Sum(low + high);
        }

        for (; i < q.Length; i++)
            sum += (double)q[i] * x[i];
        return sum;
    }

    private static float[] Normalized(float[] v)
    {
        double norm = 0;
        foreach (float x in v)
            norm += (double)x * x;
        norm = Math.Sqrt(norm);
        // A zero vector has no direction; keep it as is rather than divide by zero.
        if (norm == 0)
            return (float[])v.Clone();
        var unit = new float[v.Length];
        for (int i = 0; i < v.Length; i++)
            unit[i] = (float)(v[i] / norm);
        return unit;
    }
}
