using System.Runtime.InteropServices;
using Nvf.Core.Data;

namespace Nvf.Core.Artifacts;

/// <summary>
/// Finds rows that hold bit-identical vectors (exact duplicate chunks), in generated and real
/// payloads alike, so an oracle R@1 miss can be told apart as a tie or a fault.
/// </summary>
public static class ExactDuplicates
{
    /// <summary>For each row, the first row with the same bytes (itself when it is the first or unique).</summary>
    public static int[] FirstCopyOf(IVectorRows vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var hashes = new ulong[vectors.Count];
        var d = vectors.Dimension;
        vectors.Scan((start, rows, block) =>
        {
            for (var i = 0; i < rows; i++)
                hashes[start + i] = Hash(block.Slice(i * d, d));
        });
        var first = new int[vectors.Count];
        var seen = new Dictionary<ulong, List<int>>(vectors.Count);
        var (a, b) = (new float[d], new float[d]);
        for (var i = 0; i < vectors.Count; i++)
        {
            first[i] = i;
            if (!seen.TryGetValue(hashes[i], out var rows))
            {
                seen[hashes[i]] = [i];
                continue;
            }

            // A hash match is confirmed byte for byte: collisions must not invent duplicates.
            vectors.CopyRow(i, b);
            var match = rows.FirstOrDefault(r =>
            {
                vectors.CopyRow(r, a);
                return a.AsSpan().SequenceEqual(b);
            }, -1);
            if (match >= 0)
                first[i] = match;
            else
                rows.Add(i);
        }

        return first;
    }

    /// <summary>
    /// True when rows <paramref name="a"/> and <paramref name="b"/> hold bit-identical vectors by
    /// <paramref name="firstCopyOf"/> (<see cref="FirstCopyOf"/>'s answer); false when either is not a row (an index whose
    /// ids are off, e.g. the ids-shifted control, names rows past the end).
    /// </summary>
    public static bool AreCopies(int[] firstCopyOf, long a, long b)
    {
        ArgumentNullException.ThrowIfNull(firstCopyOf);
        return (ulong)a < (ulong)firstCopyOf.Length && (ulong)b < (ulong)firstCopyOf.Length && firstCopyOf[a] == firstCopyOf[b];
    }

    /// <summary>Rows holding the same vector as each row of <paramref name="rows"/> (itself included), from <see cref="FirstCopyOf"/>'s answer.</summary>
    public static IReadOnlyList<IReadOnlySet<long>> SameVectorSets(int[] firstCopyOf, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(firstCopyOf);
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new Dictionary<int, HashSet<long>>();
        for (var i = 0; i < firstCopyOf.Length; i++)
        {
            var first = firstCopyOf[i];
            if (first == i)
                continue;
            if (!groups.TryGetValue(first, out var group))
                groups[first] = group = [first];
            group.Add(i);
        }

        return rows.Select(r => groups.TryGetValue(firstCopyOf[r], out var g) ? (IReadOnlySet<long>)g : new HashSet<long> { r }).ToArray();
    }

    private static ulong Hash(ReadOnlySpan<float> row)
    {
        // FNV-1a over 64-bit words: fast, and only used to bucket candidates that are then compared exactly.
        var hash = 14695981039346656037UL;
        foreach (var word in MemoryMarshal.Cast<float, ulong>(row))
            hash = (hash ^ word) * 1099511628211UL;
        return hash;
    }
}
