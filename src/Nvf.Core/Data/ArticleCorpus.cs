namespace Nvf.Core.Data;

/// <summary>
/// Synthetic articles and their payload: <see cref="Payload"/> float32 (total chunks, D) holds every
/// chunk of every article, article-major (article a's chunk c at row ArticleStart(a) + c), so a
/// truth key (article, chunk) maps to one payload row, like the seed's eval_v2_payload_aligned set.
/// </summary>
public sealed class ArticleCorpus
{
    private readonly int[] _offsets;

    internal ArticleCorpus(ArticleCorpusSpec spec, VectorSet payload, int[] offsets, int[] articleTopics, VectorSet topics)
    {
        Spec = spec;
        Payload = payload;
        _offsets = offsets;
        ArticleTopics = articleTopics;
        Topics = topics;
    }

    /// <summary>The spec the corpus was generated from.</summary>
    public ArticleCorpusSpec Spec { get; }

    /// <summary>All chunks, unit float32 vectors (total chunks, D), article-major.</summary>
    public VectorSet Payload { get; }

    /// <summary>Topic index of each article, length A.</summary>
    public int[] ArticleTopics { get; }

    /// <summary>Unit topic centroids, float32 (Topics, D).</summary>
    public VectorSet Topics { get; }

    /// <summary>Number of articles A.</summary>
    public int ArticleCount => ArticleTopics.Length;

    /// <summary>Number of chunks of article <paramref name="article"/>.</summary>
    public int ChunkCount(int article)
    {
        CheckArticle(article);
        return _offsets[article + 1] - _offsets[article];
    }

    /// <summary>Payload row of the article's first chunk.</summary>
    public int ArticleStart(int article)
    {
        CheckArticle(article);
        return _offsets[article];
    }

    /// <summary>Payload row holding chunk <see cref="TruthKey.Chunk"/> of article <see cref="TruthKey.Article"/>.</summary>
    public int RowOf(TruthKey key)
    {
        var chunks = ChunkCount(key.Article);
        if ((uint)key.Chunk >= (uint)chunks)
            throw new ArgumentOutOfRangeException(nameof(key), key, $"article {key.Article} has chunks [0, {chunks})");
        return _offsets[key.Article] + key.Chunk;
    }

    /// <summary>The (article, chunk) stored at payload row <paramref name="row"/>.</summary>
    public TruthKey KeyOf(int row)
    {
        if ((uint)row >= (uint)Payload.Count)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"expected a payload row in [0, {Payload.Count})");
        var search = Array.BinarySearch(_offsets, row);
        // Exact hit: the first chunk of that article (offsets are strictly increasing). Otherwise
        // BinarySearch gives the complement of the next larger offset.
        var article = search >= 0 ? search : ~search - 1;
        return new TruthKey(article, row - _offsets[article]);
    }

    /// <summary>
    /// Keys of every next-chunk sample of <paramref name="articles"/>: chunk j for j in
    /// [<paramref name="contextLength"/>, chunks), its context being chunks j - contextLength .. j - 1.
    /// </summary>
    public TruthKey[] SampleKeys(IEnumerable<int> articles, int contextLength = 5)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (contextLength <= 0)
            throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "expected a context length > 0");
        var keys = new List<TruthKey>();
        foreach (var a in articles)
        {
            for (var j = contextLength; j < ChunkCount(a); j++)
                keys.Add(new TruthKey(a, j));
        }
        return keys.ToArray();
    }

    /// <summary>
    /// Materialises samples as an <see cref="EvalSet"/> (contexts (N, contextLength, D), targets
    /// (N, D), truth keys): copies of payload rows, so targets align with the payload exactly.
    /// </summary>
    public EvalSet BuildSamples(IReadOnlyList<TruthKey> keys, int contextLength = 5)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            RowOf(key);
            if (key.Chunk < contextLength)
                throw new ArgumentException($"key {key} has fewer than {contextLength} chunks before it; expected chunk >= {contextLength}", nameof(keys));
        }
        var d = Payload.Dimension;
        var contexts = new float[(long)keys.Count * contextLength * d];
        var targets = new VectorSet(new float[(long)keys.Count * d], keys.Count, d);
        Parallel.For(0, keys.Count, i =>
        {
            var row = RowOf(keys[i]);
            Payload.Data.AsSpan((row - contextLength) * d, contextLength * d).CopyTo(contexts.AsSpan(i * contextLength * d));
            Payload.Row(row).CopyTo(targets.Row(i));
        });
        return new EvalSet(contexts, contextLength, targets, keys.ToArray());
    }

    private void CheckArticle(int article)
    {
        if ((uint)article >= (uint)ArticleCount)
            throw new ArgumentOutOfRangeException(nameof(article), article, $"expected an article in [0, {ArticleCount})");
    }
}
