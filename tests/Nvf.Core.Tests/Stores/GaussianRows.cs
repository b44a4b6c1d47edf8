using Nvf.Core.Data;

namespace Nvf.Core.Tests.Stores;

/// <summary>Seeded N(0, 1) rows (SeededRandom), optionally with exact duplicate rows to create ties.</summary>
internal static class GaussianRows
{
    public static VectorSet Make(int count, int dimension, ulong seed)
    {
        var data = new float[count * dimension];
        new SeededRandom(seed).FillGaussian(data);
        return new VectorSet(data, count, dimension);
    }

    /// <summary>Copies row <paramref name="source"/> over row <paramref name="target"/>: two ids, one vector.</summary>
    public static void Duplicate(VectorSet set, int source, int target) => set.Row(source).CopyTo(set.Row(target));

    public static long[] Ids(int count, long first = 0) => Enumerable.Range(0, count).Select(i => first + i).ToArray();
}
