namespace Nvf.Core.Data;

/// <summary>
/// Vectors drawn by <see cref="TopicPayloadGenerator"/>, with the truth of how they were made.
/// </summary>
/// <param name="Spec">What was asked for.</param>
/// <param name="Vectors">The unit vectors, shape (Spec.Count, Spec.Dimension), float32.</param>
/// <param name="TopicOf">Topic of each row, length Spec.Count; -1 in isotropic mode.</param>
/// <param name="DuplicateOf">For each row, the row it is an exact copy of, or -1 for an original. Sources are always originals.</param>
/// <param name="Centroids">The unit topic centroids, shape (Spec.Topics, Spec.Dimension); null in isotropic mode.</param>
public sealed record TopicPayload(TopicPayloadSpec Spec, VectorSet Vectors, int[] TopicOf, int[] DuplicateOf, VectorSet? Centroids)
{
    /// <summary>The original row that <paramref name="row"/> copies, or <paramref name="row"/> itself when it is an original.</summary>
    public int SourceOf(int row) => DuplicateOf[row] < 0 ? row : DuplicateOf[row];

    /// <summary>True when rows <paramref name="a"/> and <paramref name="b"/> hold the same vector by construction (same row or duplicates of one source).</summary>
    public bool AreDuplicates(int a, int b) => SourceOf(a) == SourceOf(b);

    /// <summary>Number of rows that are copies of another row.</summary>
    public int DuplicateCount => DuplicateOf.Count(d => d >= 0);
}
