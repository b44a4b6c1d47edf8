using Nvf.Core.Data;

namespace Nvf.Core.Training;

/// <summary>A seeded split of example indices 0..n-1 into training and validation parts, disjoint and covering all.</summary>
/// <param name="Training">Indices used for gradient steps, ascending.</param>
/// <param name="Validation">Held-out indices, ascending.</param>
public sealed record ValidationSplit(int[] Training, int[] Validation)
{
    /// <summary>
    /// Holds out round(<paramref name="count"/> x <paramref name="fraction"/>) examples chosen by a
    /// seeded permutation (at least one on each side).
    /// </summary>
    public static ValidationSplit Make(int count, double fraction, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "expected a validation fraction strictly between 0 and 1");
        }

        var held = Math.Clamp((int)Math.Round(count * fraction), 1, count - 1);
        var order = new SeededRandom(seed).Permutation(count);
        var validation = order[..held];
        var training = order[held..];
        Array.Sort(validation);
        Array.Sort(training);
        return new ValidationSplit(training, validation);
    }
}
