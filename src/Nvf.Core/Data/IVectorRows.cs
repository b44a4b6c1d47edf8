namespace Nvf.Core.Data;

/// <summary>
/// Float32 vectors (Count, Dimension) read a block of rows at a time: a <see cref="VectorSet"/> in memory, or a
/// .npy file read in place (<see cref="NumPy.NpyRowFile"/>) so that a payload larger than memory is never copied whole.
/// </summary>
public interface IVectorRows
{
    /// <summary>Number of vectors (rows).</summary>
    int Count { get; }

    /// <summary>Length of each vector.</summary>
    int Dimension { get; }

    /// <summary>Copies rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) into <paramref name="destination"/> (count * Dimension floats).</summary>
    void CopyRows(int start, int count, Span<float> destination);
}

/// <summary>Receives one block of consecutive rows: rows [start, start + rows) as a span of rows * Dimension floats.</summary>
public delegate void RowBlockAction(int start, int rows, ReadOnlySpan<float> block);

/// <summary>Reads built on <see cref="IVectorRows.CopyRows"/>: single rows, gathers, slices and block scans.</summary>
public static class VectorRows
{
    /// <summary>Rows per block of a scan: 16,384 rows (24 MB at 384-d, 48 MB at 768-d).</summary>
    public const int ScanBlockRows = 1 << 14;

    /// <summary>Copies row <paramref name="row"/> into <paramref name="destination"/>.</summary>
    public static void CopyRow(this IVectorRows rows, int row, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckRange(rows, row, 1);
        rows.CopyRows(row, 1, destination[..rows.Dimension]);
    }

    /// <summary>The rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) as a new in-memory set.</summary>
    public static VectorSet Slice(this IVectorRows rows, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckRange(rows, start, count);
        var data = new float[(long)count * rows.Dimension];
        rows.CopyRows(start, count, data);
        return new VectorSet(data, count, rows.Dimension);
    }

    /// <summary>The rows named by <paramref name="indices"/>, in that order, as a new in-memory set.</summary>
    public static VectorSet Gather(this IVectorRows rows, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(indices);
        var d = rows.Dimension;
        var data = new float[(long)indices.Count * d];
        if (rows is NumPy.NpyRowFile file)
        {
            file.CopyEach(indices, data);
            return new VectorSet(data, indices.Count, d);
        }

        for (var i = 0; i < indices.Count; i++)
            rows.CopyRow(indices[i], data.AsSpan(i * d, d));
        return new VectorSet(data, indices.Count, d);
    }

    /// <summary>Every row, <see cref="ScanBlockRows"/> at a time, in order; only one block is held.</summary>
    public static void Scan(this IVectorRows rows, RowBlockAction action, int blockRows = ScanBlockRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockRows, 1);
        if (rows is VectorSet set)
        {
            for (var start = 0; start < set.Count; start += blockRows)
            {
                var n = Math.Min(blockRows, set.Count - start);
                action(start, n, set.Data.AsSpan(start * set.Dimension, n * set.Dimension));
            }

            return;
        }

        var buffer = new float[(long)Math.Min(blockRows, Math.Max(rows.Count, 1)) * rows.Dimension];
        for (var start = 0; start < rows.Count; start += blockRows)
        {
            var n = Math.Min(blockRows, rows.Count - start);
            var block = buffer.AsSpan(0, n * rows.Dimension);
            rows.CopyRows(start, n, block);
            action(start, n, block);
        }
    }

    /// <summary>The first NaN or infinity in row order (its row, column and value), or null when every value is finite.</summary>
    public static (int Row, int Column, float Value)? FirstNonFinite(this IVectorRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        (int, int, float)? found = null;
        var d = rows.Dimension;
        rows.Scan((start, _, block) =>
        {
            if (found is not null)
                return;
            var at = IndexOfNonFinite(block);
            if (at >= 0)
                found = (start + (at / d), at % d, block[at]);
        });
        return found;
    }

    /// <summary>The index of the first NaN or infinity in <paramref name="values"/>, or -1 (NaN is outside every range).</summary>
    public static int IndexOfNonFinite(ReadOnlySpan<float> values) => values.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);

    /// <summary>All rows in memory: the set itself when <paramref name="rows"/> is one, else a full copy.</summary>
    public static VectorSet ToVectorSet(this IVectorRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows as VectorSet ?? rows.Slice(0, rows.Count);
    }

    internal static void CheckRange(IVectorRows rows, int start, int count)
    {
        if (start < 0 || count < 0 || (long)start + count > rows.Count)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"rows [{start}, {(long)start + count}) are outside [0, {rows.Count})");
    }
}
