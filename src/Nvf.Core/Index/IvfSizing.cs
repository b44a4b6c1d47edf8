namespace Nvf.Core.Index;

/// <summary>
/// How big an IVF index over <see cref="VectorCount"/> vectors should be, by FAISS's guidance
/// (wiki "Guidelines to choose an index"): nlist between 4 and 16 times sqrt(N), and k-means
/// trained on at least 39 points per list (FAISS warns below that).
/// </summary>
/// <param name="VectorCount">N, the vectors the index will hold.</param>
/// <param name="ListCount">nlist.</param>
/// <param name="TrainingCount">Vectors k-means trains on (a random sample when below N).</param>
public sealed record IvfSizing(long VectorCount, int ListCount, int TrainingCount)
{
    /// <summary>FAISS's lower bound on nlist / sqrt(N); the low end keeps k-means and adding cheap enough for CI.</summary>
    public const double ListsPerSqrtN = 4.0;

    /// <summary>nlist is rounded up to a multiple of this (a tidy number, still inside FAISS's 4-16 x sqrt(N) band).</summary>
    public const int ListRounding = 64;

    /// <summary>Training vectors per list: one above FAISS's warning threshold of 39.</summary>
    public const int TrainingPointsPerList = 40;

    /// <summary>The sizing for <paramref name="vectorCount"/> vectors: 584,000 gives nlist 3,072 trained on 122,880.</summary>
    public static IvfSizing ForCount(long vectorCount)
    {
        if (vectorCount < TrainingPointsPerList)
            throw new ArgumentOutOfRangeException(nameof(vectorCount), vectorCount, $"expected at least {TrainingPointsPerList} vectors for an IVF index");
        var lists = (int)Math.Ceiling(ListsPerSqrtN * Math.Sqrt(vectorCount) / ListRounding) * ListRounding;
        // Small sets cannot feed 40 points to every list: fewer lists then, never fewer points.
        lists = (int)Math.Min(lists, vectorCount / TrainingPointsPerList);
        var training = (int)Math.Min(vectorCount, (long)lists * TrainingPointsPerList);
        return new IvfSizing(vectorCount, lists, training);
    }
}
