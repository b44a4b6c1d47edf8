namespace Nvf.Qdrant.Tests;

/// <summary>
/// Deterministic, tie-free test vectors from a closed form (no RNG, so this project stays free of
/// Nvf.Core): component j of row i is sin(0.37 (i + 1)(j + 1) + salt) + 0.1 j.
/// </summary>
internal static class TestVectors
{
    public static float[][] Rows(int count, int dimension, double salt = 0)
    {
        var rows = new float[count][];
        for (int i = 0; i < count; i++)
        {
            rows[i] = new float[dimension];
            for (int j = 0; j < dimension; j++)
                rows[i][j] = (float)(Math.Sin(0.37 * (i + 1) * (j + 1) + salt) + 0.1 * j);
        }
        return rows;
    }

    public static IEnumerable<QdrantPoint> Points(float[][] rows, ulong firstId = 0) =>
        rows.Select((row, i) => new QdrantPoint(firstId + (ulong)i, row));

    /// <summary>Exact reference ranking computed here, independently of the double: (id, score) best first.</summary>
    public static (ulong Id, double Score)[] BruteForce(float[][] rows, float[] query, QdrantDistance distance, int k)
    {
        double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));
        var scored = rows.Select((row, i) =>
        {
            double s = distance switch
            {
                QdrantDistance.Cosine => row.Zip(query, (a, b) => (double)a * b).Sum() / (Norm(row) * Norm(query)),
                QdrantDistance.Dot => row.Zip(query, (a, b) => (double)a * b).Sum(),
                _ => Math.Sqrt(row.Zip(query, (a, b) => ((double)a - b) * ((double)a - b)).Sum()),
            };
            return ((ulong)i, s);
        });
        var ordered = distance == QdrantDistance.Euclid ? scored.OrderBy(p => p.s) : scored.OrderByDescending(p => p.s);
        return ordered.Take(k).ToArray();
    }
}
