using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;

namespace Nvf.Core.RealData;

/// <summary>
/// A real payload in the researcher's file layout: a documentation corpus embedded by all-MiniLM-L6-v2 and written as
/// the files `nvf evaluate` reads (payload .npy (N, D), key map .npy (N, 2), eval and training .npz with contexts
/// (M, C, D), targets (M, D), truth_keys (M, 2)), plus the predictions of an honest non-learned predictor: the
/// normalized mean of the context chunks. The InfoNCE features then run on these files exactly as on a researcher's.
/// </summary>
public static class DocumentationTask
{
    /// <summary>The predictor's file name in the output folder.</summary>
    public const string ContextMeanFile = "predictions-context-mean.npy";

    /// <summary>Loads the config <paramref name="fileName"/> from fixtures/configs.</summary>
    public static DocumentationTaskConfig LoadConfig(string fileName) => DocumentationTaskConfig.Load(ConfigDirectory.PathOf(fileName));

    /// <summary>
    /// Reads the corpus, embeds it through the cache and writes the files under artifacts/real/ (a folder per corpus,
    /// model and split). Returns them as <see cref="ArtifactSources"/> with what was done, line by line.
    /// </summary>
    public static (ArtifactSources Files, string Predictions, IReadOnlyList<string> Lines) Prepare(DocumentationTaskConfig config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var corpus = DocumentationCorpus.Load(config.Folders, config.Root, config.Pattern);
        progress?.Report(corpus.Description);
        var texts = corpus.Chunks.SelectMany(c => c).ToArray();
        var embedded = RealTextEncoder.Embed(texts, "docs-paragraphs", progress);
        var lines = new List<string> { corpus.Description };
        lines.Add(embedded.Describe("paragraphs", RealTextEncoder.Encoder.Tokenizer.MaxTokens));
        var payload = embedded.Vectors;
        var d = payload.Dimension;

        var keys = new long[2 * texts.Length];
        var rowOf = new List<int[]>();
        var row = 0;
        for (var a = 0; a < corpus.Articles.Count; a++)
        {
            var rows = new int[corpus.Chunks[a].Count];
            for (var c = 0; c < rows.Length; c++, row++)
            {
                keys[2 * row] = a;
                keys[(2 * row) + 1] = c;
                rows[c] = row;
            }

            rowOf.Add(rows);
        }

        // A clean split by article: eval articles are never training articles.
        var random = new SeededRandom(config.Seed);
        var order = random.Permutation(corpus.Articles.Count);
        var evalCount = Math.Max(1, (int)Math.Round(config.EvalShare * corpus.Articles.Count));
        var evalArticles = order.Take(evalCount).Order().ToArray();
        var trainingArticles = order.Skip(evalCount).Order().ToArray();
        var evalSet = Samples(evalArticles, config.EvalSamples, random);
        var trainingSet = Samples(trainingArticles, config.TrainingSamples, random);

        var folder = Path.Combine(RealTextEncoder.ArtifactsFolder, "real", $"docs-{FolderKey(embedded.File, config)}");
        Directory.CreateDirectory(folder);
        var files = (Payload: Path.Combine(folder, "payload.npy"), Keys: Path.Combine(folder, "payload_keys.npy"), Eval: Path.Combine(folder, "eval.npz"), Train: Path.Combine(folder, "train.npz"));
        NpyWriter.Write(files.Payload, payload);
        NpyWriter.Write(files.Keys, keys, texts.Length, 2);
        evalSet.Save(files.Eval);
        trainingSet.Save(files.Train);
        var predictions = Path.Combine(folder, ContextMeanFile);
        NpyWriter.Write(predictions, ContextBaselines.ContextMean(evalSet));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"clean split by article: {evalArticles.Length} eval articles ({evalSet.Count:N0} samples), {trainingArticles.Length} training articles ({trainingSet.Count:N0} samples); files in {folder}"));
        return (new ArtifactSources(files.Payload, files.Eval, null, files.Keys, files.Train, $"{config.Name}: {corpus.Root}, all-MiniLM-L6-v2"), predictions, lines);

        EvalSet Samples(int[] articles, int most, SeededRandom draw)
        {
            var all = articles.SelectMany(a => Enumerable.Range(config.ContextLength, Math.Max(0, corpus.Chunks[a].Count - config.ContextLength)).Select(c => (a, c))).ToArray();
            if (all.Length == 0)
                throw new ArtifactException($"{config.Name}: no article of the split has more than {config.ContextLength} paragraphs; expected articles long enough for a context");
            var picked = draw.Permutation(all.Length).Take(most).Order().Select(i => all[i]).ToArray();
            var contexts = new float[picked.Length * config.ContextLength * d]; // (M, C, D)
            var targets = new float[picked.Length * d];                          // (M, D)
            for (var i = 0; i < picked.Length; i++)
            {
                var (a, c) = picked[i];
                for (var j = 0; j < config.ContextLength; j++)
                    payload.Row(rowOf[a][c - config.ContextLength + j]).CopyTo(contexts.AsSpan(((i * config.ContextLength) + j) * d, d));
                payload.Row(rowOf[a][c]).CopyTo(targets.AsSpan(i * d, d));
            }

            return new EvalSet(contexts, config.ContextLength, new VectorSet(targets, picked.Length, d), picked.Select(p => new TruthKey(p.a, p.c)).ToArray());
        }
    }

    static string FolderKey(string embeddingFile, DocumentationTaskConfig config)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(embeddingFile)}|{config.ContextLength}|{config.EvalShare}|{config.EvalSamples}|{config.TrainingSamples}|{config.Seed}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }
}
