using Nvf.Core.Data;

namespace Nvf.Core.Artifacts;

/// <summary>
/// The generated stand-in for the seed's artifacts: synthetic articles (<see cref="ArticleCorpusGenerator"/>,
/// default spreads) whose chunks form the payload, a share of chunks overwritten by exact copies of
/// other chunks (repeated boilerplate of real chunked text), an article-level train/eval split with
/// the given leakage, and seeded subsets of the next-chunk samples for evaluation and training.
/// A record, so equal specs share one generated data set per process.
/// </summary>
/// <param name="Articles">Number of articles; x <paramref name="ChunksPerArticle"/> = payload rows (18,250 x 32 = 584,000, the seed's payload).</param>
/// <param name="ChunksPerArticle">Chunks of every article.</param>
/// <param name="ContextLength">Chunks per context (5 in the seed).</param>
/// <param name="DuplicateShare">Share of payload rows that are exact copies of another row.</param>
/// <param name="EvalShare">Share of articles drawn for evaluation.</param>
/// <param name="Leakage">Share of eval articles also put in training (the seed's eval set: 0.915).</param>
/// <param name="EvalSamples">Eval samples drawn from the eval articles' next-chunk samples.</param>
/// <param name="TrainingSamples">Training samples drawn from the training articles' next-chunk samples.</param>
/// <param name="Seed">Seed of the corpus, duplicates, split and sample draws.</param>
public sealed record GeneratedDataSpec(
    int Articles, int ChunksPerArticle, int ContextLength, double DuplicateShare, double EvalShare, double Leakage,
    int EvalSamples, int TrainingSamples, ulong Seed)
{
    /// <summary>The article generator's spec: its measured default spreads, fixed article length.</summary>
    public ArticleCorpusSpec CorpusSpec =>
        ArticleCorpusSpec.Default(Articles, Seed) with { MinChunks = ChunksPerArticle, MaxChunks = ChunksPerArticle };

    /// <summary>Payload rows: Articles x ChunksPerArticle.</summary>
    public long PayloadRows => (long)Articles * ChunksPerArticle;
}
