using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;

namespace Nvf.Core.Artifacts;

/// <summary>Which (article, chunk) each payload row holds, and back: how a truth key finds its payload row.</summary>
public sealed class PayloadKeyMap
{
    private readonly Dictionary<TruthKey, int> rows;

    /// <summary>Builds the map from the key of every payload row (no key may repeat).</summary>
    public PayloadKeyMap(TruthKey[] keyOfRow)
    {
        ArgumentNullException.ThrowIfNull(keyOfRow);
        KeyOfRow = keyOfRow;
        rows = new Dictionary<TruthKey, int>(keyOfRow.Length);
        for (var r = 0; r < keyOfRow.Length; r++)
        {
            if (!rows.TryAdd(keyOfRow[r], r))
                throw new ArgumentException($"key {keyOfRow[r]} names rows {rows[keyOfRow[r]]} and {r}; expected one payload row per key", nameof(keyOfRow));
        }
    }

    /// <summary>The key of each payload row.</summary>
    public TruthKey[] KeyOfRow { get; }

    /// <summary>The payload row holding <paramref name="key"/>, or -1 when no row does.</summary>
    public int RowOf(TruthKey key) => rows.TryGetValue(key, out var row) ? row : -1;

    /// <summary>Rows of articles of equal length, article-major: row = article x chunks + chunk.</summary>
    public static PayloadKeyMap ArticleMajor(int articles, int chunksPerArticle) =>
        new(Enumerable.Range(0, articles * chunksPerArticle).Select(r => new TruthKey(r / chunksPerArticle, r % chunksPerArticle)).ToArray());

    /// <summary>Reads a key map .npy, int32 or int64 (N, 2) = (article, chunk) per payload row; errors name the file.</summary>
    public static PayloadKeyMap Load(string path, int payloadRows)
    {
        var keys = NpyReader.ReadAsInt64(path, ShapePattern.Parse($"({payloadRows}, 2)"));
        var result = new TruthKey[payloadRows];
        for (var r = 0; r < payloadRows; r++)
        {
            long article = keys.Data[2 * r], chunk = keys.Data[2 * r + 1];
            if (article is < 0 or > int.MaxValue || chunk is < 0 or > int.MaxValue)
                throw new ArtifactException($"{path}: row {r} is ({article}, {chunk}); expected non-negative (article, chunk) indices");
            result[r] = new TruthKey((int)article, (int)chunk);
        }

        try
        {
            return new PayloadKeyMap(result);
        }
        catch (ArgumentException e)
        {
            throw new ArtifactException($"{path}: {e.Message}", e);
        }
    }
}
