using System.Globalization;
using Nvf.Core.Data;
using Nvf.Core.Provenance;

namespace Nvf.Core.Artifacts;

/// <summary>Generates <see cref="GateData"/> from a <see cref="GeneratedDataSpec"/>: deterministic for a spec, whatever the thread count.</summary>
public static class GeneratedGateData
{
    private const ulong DuplicateStream = 0x6475_7000, SplitStream = 0x7370_6c00, EvalStream = 0x6576_6100, TrainingStream = 0x7472_6100;

    /// <summary>Generates the data and writes the eval set as <paramref name="outputFolder"/>/infonce-eval-*.npz (for its provenance).</summary>
    public static GateData Build(GeneratedDataSpec spec, string outputFolder, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var corpusSpec = spec.CorpusSpec;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        status?.Report(FormattableString.Invariant($"generating {spec.Articles:N0} articles x {spec.ChunksPerArticle} chunks ({spec.PayloadRows:N0} payload vectors), seed {spec.Seed}"));
        var corpus = ArticleCorpusGenerator.Generate(corpusSpec);
        status?.Report(FormattableString.Invariant($"generated {corpus.Payload.Count:N0} x {corpus.Payload.Dimension} in {clock.Elapsed.TotalSeconds:F0} s; placing exact duplicates, splitting articles, drawing samples"));
        var copies = OverwriteWithDuplicates(corpus.Payload, spec.DuplicateShare, SeededRandom.Fork(spec.Seed, DuplicateStream));
        var split = ArticleSplit.Create(spec.Articles, spec.EvalShare, spec.Leakage, SeededRandom.Fork(spec.Seed, SplitStream).NextUInt64());
        var eval = corpus.BuildSamples(Draw(corpus.SampleKeys(split.EvalArticles, spec.ContextLength), spec.EvalSamples, EvalStream, spec), spec.ContextLength);
        var training = corpus.BuildSamples(Draw(corpus.SampleKeys(split.TrainArticles, spec.ContextLength), spec.TrainingSamples, TrainingStream, spec), spec.ContextLength);
        Directory.CreateDirectory(outputFolder);
        var evalFile = Path.Combine(outputFolder, FormattableString.Invariant($"infonce-eval-{spec.Seed}-{(uint)spec.GetHashCode():x8}.npz"));
        eval.Save(evalFile);
        return new GateData
        {
            Source = FormattableString.Invariant(
                $"generated: {spec.Articles:N0} articles x {spec.ChunksPerArticle} chunks = {corpus.Payload.Count:N0} x {corpus.Payload.Dimension} payload, {copies:N0} exact duplicate chunks, seed {spec.Seed}"),
            PayloadRows = corpus.Payload,
            Eval = eval,
            EvalFile = evalFile,
            Keys = PayloadKeyMap.ArticleMajor(spec.Articles, spec.ChunksPerArticle),
            FirstCopyOf = ExactDuplicates.FirstCopyOf(corpus.Payload),
            Split = split,
            Training = training,
            IndexFile = null,
            Generators =
            [
                new GeneratorInfo(nameof(ArticleCorpusGenerator), spec.Seed, corpusSpec.ToString()),
                new GeneratorInfo(nameof(GeneratedGateData), spec.Seed, spec.ToString()),
            ],
            Files = [evalFile],
        };
    }

    /// <summary>
    /// Overwrites round(share x N) random rows with exact copies of other random rows (never a copy
    /// of a copy) and returns how many; the duplicates are what ties an oracle self-query at rank 1.
    /// </summary>
    public static int OverwriteWithDuplicates(VectorSet payload, double share, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(random);
        if (share is < 0 or > 0.5 || double.IsNaN(share))
            throw new ArgumentOutOfRangeException(nameof(share), share, "expected a duplicate share in [0, 0.5]");
        var n = payload.Count;
        var count = (int)Math.Round(share * n);
        if (count == 0)
            return 0;
        var order = random.Permutation(n);
        for (var i = 0; i < count; i++)
            payload.Row(order[count + random.NextInt(n - count)]).CopyTo(payload.Row(order[i]));
        return count;
    }

    private static TruthKey[] Draw(TruthKey[] keys, int count, ulong stream, GeneratedDataSpec spec)
    {
        if (keys.Length < count)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{count} samples asked for but the articles hold only {keys.Length}; expected fewer samples or more articles"), nameof(count));
        var order = SeededRandom.Fork(spec.Seed, stream).Permutation(keys.Length);
        return order[..count].Order().Select(i => keys[i]).ToArray();
    }
}
