using Nvf.Core.Data;

namespace Nvf.Faiss.Tests;

/// <summary>Small seeded inputs and a brute-force reference search to check FAISS against.</summary>
internal static class TestVectors
{
    /// <summary>n random unit vectors, row-major (n, d).</summary>
    internal static float[] Unit(int n, int d, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var data = new float[n * d];
        rng.FillGaussian(data);
        for (var i = 0; i < n; i++)
        {
            var row = data.AsSpan(i * d, d);
            var norm = MathF.Sqrt(row.ToArray().Sum(x => x * x));
            for (var j = 0; j < d; j++)
                row[j] /= norm;
        }
        return data;
    }

    /// <summary>Exact top-k of one query by brute force in double precision: (ids, scores), best first.</summary>
    internal static (long[] Ids, double[] Scores) BruteForce(float[] data, int d, ReadOnlySpan<float> query, int k, FaissMetric metric)
    {
        var n = data.Length / d;
        var scored = new (long Id, double Score)[n];
        for (var i = 0; i < n; i++)
        {
            double s = 0;
            for (var j = 0; j < d; j++)
            {
                var a = (double)data[i * d + j];
                s += metric == FaissMetric.InnerProduct ? a * query[j] : (a - query[j]) * (a - query[j]);
            }
            scored[i] = (i, s);
        }
        var ordered = metric == FaissMetric.InnerProduct
            ? scored.OrderByDescending(x => x.Score)
            : scored.OrderBy(x => x.Score);
        var top = ordered.Take(k).ToArray();
        return (top.Select(x => x.Id).ToArray(), top.Select(x => x.Score).ToArray());
    }
}
