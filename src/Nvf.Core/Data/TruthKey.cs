namespace Nvf.Core.Data;

/// <summary>
/// Where an eval target lives in the corpus: the seed's truth_keys row (article_index, chunk_index).
/// </summary>
/// <param name="Article">Zero-based article index.</param>
/// <param name="Chunk">Zero-based chunk index within the article.</param>
public readonly record struct TruthKey(int Article, int Chunk)
{
    /// <inheritdoc />
    public override string ToString() => $"({Article}, {Chunk})";
}
