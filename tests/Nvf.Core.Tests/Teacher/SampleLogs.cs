using Nvf.Core.Data;
using Nvf.Core.Stores;
using Nvf.Core.Teacher;

namespace Nvf.Core.Tests.Teacher;

/// <summary>Small query logs for the format tests.</summary>
static class SampleLogs
{
    public static QueryLogSource Source { get; } = new("faiss-flat", true, "random-unit n=50 d=8 seed=3", "uniform unit queries (test)",
        new Dictionary<string, string> { ["index"] = "IDMap,Flat", ["normalized"] = "True" });

    /// <summary>
    /// A Euclidean log of <paramref name="queries"/> queries x 4 results from the exact store over 6
    /// random rows, so the last query of a 6-row store with k = 8 shows missing results; k = 4 here.
    /// </summary>
    public static QueryLog Euclidean(int queries, ulong seed = 1)
    {
        var random = new SeededRandom(seed);
        var vectors = new VectorSet(new float[queries * 8], queries, 8);
        random.FillGaussian(vectors.Data);
        var ids = new long[queries * 4];
        var scores = new float[queries * 4];
        for (int q = 0; q < queries; q++)
        {
            for (int r = 0; r < 4; r++)
            {
                // Distances grow with the rank; the last query found only two results.
                bool found = q != queries - 1 || r < 2;
                ids[q * 4 + r] = found ? (q * 7 + r * 13) % 50 : -1;
                scores[q * 4 + r] = found ? 0.5f + r + (float)random.NextDouble() * 0.5f : float.NaN;
            }
        }

        return new QueryLog(vectors, ids, scores, 4, VectorMetric.Euclidean, Source);
    }
}
