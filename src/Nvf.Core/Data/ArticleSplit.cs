namespace Nvf.Core.Data;

/// <summary>
/// A train/eval split of articles with measurable leakage: the share of eval articles that also
/// appear in training (pure-infonce-sanity-report.md evaluated on a "LEAKED" set with 91.5% overlap).
/// </summary>
public sealed class ArticleSplit
{
    private ArticleSplit(int[] train, int[] eval)
    {
        TrainArticles = train;
        EvalArticles = eval;
        LeakedArticles = eval.Intersect(train).Order().ToArray();
    }

    /// <summary>The seed's leakage: 91.5% of its eval articles were also trained on.</summary>
    public const double SeedLeakage = 0.915;

    /// <summary>Articles whose samples are used for training, ascending.</summary>
    public int[] TrainArticles { get; }

    /// <summary>Articles whose samples are used for evaluation, ascending.</summary>
    public int[] EvalArticles { get; }

    /// <summary>Eval articles that are also training articles, ascending.</summary>
    public int[] LeakedArticles { get; }

    /// <summary>Measured leakage: |eval ∩ train| / |eval| (0 when there are no eval articles).</summary>
    public double LeakedShare => EvalArticles.Length == 0 ? 0 : (double)LeakedArticles.Length / EvalArticles.Length;

    /// <summary>
    /// Splits articles 0..<paramref name="articleCount"/>-1: a random <paramref name="evalShare"/> of
    /// them (rounded) becomes the eval set, the rest trains, and round(<paramref name="leakage"/> x
    /// |eval|) of the eval articles are added to training too. leakage 0 is a clean split.
    /// </summary>
    public static ArticleSplit Create(int articleCount, double evalShare, double leakage, ulong seed)
    {
        if (articleCount < 2)
            throw new ArgumentOutOfRangeException(nameof(articleCount), articleCount, "expected at least 2 articles to split");
        if (evalShare is <= 0 or >= 1 || double.IsNaN(evalShare))
            throw new ArgumentOutOfRangeException(nameof(evalShare), evalShare, "expected an eval share in (0, 1)");
        if (leakage is < 0 or > 1 || double.IsNaN(leakage))
            throw new ArgumentOutOfRangeException(nameof(leakage), leakage, "expected a leakage share in [0, 1]");
        var order = new SeededRandom(seed).Permutation(articleCount);
        var evalCount = Math.Clamp((int)Math.Round(evalShare * articleCount), 1, articleCount - 1);
        var eval = order[..evalCount];
        var leaked = eval[..(int)Math.Round(leakage * evalCount)];
        var train = order[evalCount..].Concat(leaked).Order().ToArray();
        return new ArticleSplit(train, eval.Order().ToArray());
    }

    /// <summary>
    /// The split of real data: <paramref name="trainArticles"/> (articles seen in training) and
    /// <paramref name="evalArticles"/> (e.g. the article column of an eval set's truth_keys); duplicates are ignored.
    /// </summary>
    public static ArticleSplit FromArticles(IEnumerable<int> trainArticles, IEnumerable<int> evalArticles)
    {
        ArgumentNullException.ThrowIfNull(trainArticles);
        ArgumentNullException.ThrowIfNull(evalArticles);
        return new ArticleSplit(trainArticles.Distinct().Order().ToArray(), evalArticles.Distinct().Order().ToArray());
    }
}
