using System.Globalization;
using System.Runtime;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Provenance;
using Nvf.Files;

namespace Nvf.Core.Artifacts;

/// <summary>Generates <see cref="GateData"/> from a <see cref="GeneratedDataSpec"/>: deterministic for a spec, whatever the thread count.</summary>
public static class GeneratedGateData
{
    private const ulong DuplicateStream = 0x6475_7000, SplitStream = 0x7370_6c00, EvalStream = 0x6576_6100, TrainingStream = 0x7472_6100;

    /// <summary>
    /// The data of <paramref name="spec"/>, with its payload on disk in <paramref name="outputFolder"/> and read in place
    /// (<see cref="NpyRowFile"/>), and the eval set written there too (for its provenance). The payload file is a cache:
    /// keyed by the spec and the generator's code (the IL it runs, <see cref="Provenance.CodeFingerprint"/>), recorded with its SHA-256 and verified before
    /// it is used; a missing, altered or outdated file is generated again and the reason said on <paramref name="status"/>.
    /// Eval and training samples are read from the payload file in both cases, so a cached run and a fresh one see the
    /// same bytes.
    /// </summary>
    public static GateData Build(GeneratedDataSpec spec, string outputFolder, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var corpusSpec = spec.CorpusSpec;
        Directory.CreateDirectory(outputFolder);
        var key = CacheKey(spec);
        var family = Family(spec);
        var payloadFile = Path.Combine(outputFolder, FormattableString.Invariant($"infonce-payload-{family}-{key[..16]}.npy"));
        var record = payloadFile + ".json";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var why = Check(payloadFile, record, key, spec.PayloadRows, corpusSpec.Dimension, out var copies);
        if (why is null)
        {
            status?.Report(FormattableString.Invariant($"generated payload read from the cache {payloadFile} (SHA-256 verified in {clock.Elapsed.TotalSeconds:F1} s)"));
        }
        else
        {
            status?.Report(FormattableString.Invariant($"generating {spec.Articles:N0} articles x {spec.ChunksPerArticle} chunks ({spec.PayloadRows:N0} payload vectors), seed {spec.Seed} ({why})"));
            copies = Generate(spec, key, payloadFile, record, clock, status);
            RemoveSuperseded(outputFolder, family, key, status);
            // The corpus (1.8 GB at the seed's scale) is garbage once written: return it now, before an index is built
            // over the file, rather than at the end of the scenario.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        var payload = NpyRowFile.Open(payloadFile, corpusSpec.Dimension, out _);
        status?.Report("splitting articles, drawing samples, finding exact duplicates");
        var split = ArticleSplit.Create(spec.Articles, spec.EvalShare, spec.Leakage, SeededRandom.Fork(spec.Seed, SplitStream).NextUInt64());
        var eval = Samples(payload, Draw(SampleKeys(spec, split.EvalArticles), spec.EvalSamples, EvalStream, spec), spec);
        var training = Samples(payload, Draw(SampleKeys(spec, split.TrainArticles), spec.TrainingSamples, TrainingStream, spec), spec);
        var evalFile = Path.Combine(outputFolder, FormattableString.Invariant($"infonce-eval-{family}-{key[..16]}.npz"));
        eval.Save(evalFile);
        return new GateData
        {
            Source = FormattableString.Invariant(
                $"generated: {spec.Articles:N0} articles x {spec.ChunksPerArticle} chunks = {payload.Count:N0} x {payload.Dimension} payload, {copies:N0} exact duplicate chunks, seed {spec.Seed}"),
            PayloadRows = payload,
            Eval = eval,
            EvalFile = evalFile,
            Keys = PayloadKeyMap.ArticleMajor(spec.Articles, spec.ChunksPerArticle),
            FirstCopyOf = ExactDuplicates.FirstCopyOf(payload),
            Split = split,
            Training = training,
            IndexFile = null,
            DerivedFilesPrefix = Path.ChangeExtension(payloadFile, null),
            ContentKey = key,
            Generators =
            [
                new GeneratorInfo(nameof(ArticleCorpusGenerator), spec.Seed, corpusSpec.ToString()),
                new GeneratorInfo(nameof(GeneratedGateData), spec.Seed, spec.ToString()),
            ],
            Files = [evalFile, payloadFile],
        };
    }

    // The files of one spec: its seed and a digest of the spec's text (the key adds the generator's build).
    private static string Family(GeneratedDataSpec spec) =>
        FormattableString.Invariant($"{spec.Seed}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(spec.ToString())))[..8]}");

    // The payload of a spec generated by an earlier build of the generator is never read again: its file, record, eval
    // set and derived indexes are removed once the new payload is written, so the cache holds one payload per spec rather
    // than one per build (1.8 GB each at the seed's scale). A process still reading a removed file keeps reading it (its
    // open handle or mapping holds the data until closed).
    private static void RemoveSuperseded(string outputFolder, string family, string key, IProgress<string>? status)
    {
        var kept = FormattableString.Invariant($"-{family}-{key[..16]}");
        var stale = new[] { "infonce-payload-", "infonce-eval-" }
            .SelectMany(prefix => Directory.EnumerateFiles(outputFolder, $"{prefix}{family}-*"))
            .Where(f => !Path.GetFileName(f).Contains(kept, StringComparison.Ordinal))
            .ToList();
        long bytes = 0;
        foreach (var file in stale)
        {
            try
            {
                bytes += new FileInfo(file).Length;
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                status?.Report($"could not remove the superseded cache file {file}: {e.Message}");
            }
        }

        if (stale.Count > 0)
            status?.Report(FormattableString.Invariant($"removed {stale.Count} cache file(s) an earlier build generated for this spec ({bytes / 1e9:F1} GB)"));
    }

    // Generates the corpus, places the duplicates, writes the payload file and its cache record; returns the duplicate count.
    private static int Generate(GeneratedDataSpec spec, string key, string payloadFile, string record, System.Diagnostics.Stopwatch clock, IProgress<string>? status)
    {
        var corpus = ArticleCorpusGenerator.Generate(spec.CorpusSpec);
        status?.Report(FormattableString.Invariant($"generated {corpus.Payload.Count:N0} x {corpus.Payload.Dimension} in {clock.Elapsed.TotalSeconds:F0} s; placing exact duplicates, writing {payloadFile}"));
        var copies = OverwriteWithDuplicates(corpus.Payload, spec.DuplicateShare, SeededRandom.Fork(spec.Seed, DuplicateStream));
        NpyWriter.Write(payloadFile, corpus.Payload);
        var entry = new CacheRecord(CacheVersion, key, corpus.Payload.Count, corpus.Payload.Dimension, copies, FileDigest.Compute(payloadFile).Sha256);
        AtomicFile.Write(record, stream => JsonSerializer.Serialize(stream, entry));
        return copies;
    }

    /// <summary>The payload cache's key: SHA-256 (hex) over the cache format, the spec and the code that generates it (<see cref="Provenance.CodeFingerprint"/>).</summary>
    public static string CacheKey(GeneratedDataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // The generator's own code (everything reachable from this class), not the whole assembly's build: a change to
        // reports, checks or training elsewhere keeps the 1.8 GB payload and its index.
        var text = string.Join("\n", CacheVersion, spec.ToString(), spec.CorpusSpec.ToString(), Provenance.CodeFingerprint.Of(typeof(GeneratedGateData)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
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

    // Every next-chunk sample of the articles: chunk j in [contextLength, chunks), as ArticleCorpus.SampleKeys draws them.
    private static TruthKey[] SampleKeys(GeneratedDataSpec spec, IEnumerable<int> articles) =>
        articles.SelectMany(a => Enumerable.Range(spec.ContextLength, spec.ChunksPerArticle - spec.ContextLength).Select(j => new TruthKey(a, j))).ToArray();

    // Contexts (the contextLength chunks before) and targets of each key, read from the payload rows (article-major).
    private static EvalSet Samples(IVectorRows payload, IReadOnlyList<TruthKey> keys, GeneratedDataSpec spec)
    {
        var (c, d) = (spec.ContextLength, payload.Dimension);
        var contexts = new float[(long)keys.Count * c * d];
        var targets = new VectorSet(new float[(long)keys.Count * d], keys.Count, d);
        var window = new float[(c + 1) * d];
        for (var i = 0; i < keys.Count; i++)
        {
            var row = keys[i].Article * spec.ChunksPerArticle + keys[i].Chunk;
            payload.CopyRows(row - c, c + 1, window);
            window.AsSpan(0, c * d).CopyTo(contexts.AsSpan(i * c * d));
            window.AsSpan(c * d, d).CopyTo(targets.Row(i));
        }

        return new EvalSet(contexts, c, targets, keys.ToArray());
    }

    // Why the cached payload cannot be used, or null when it can (then copies is its duplicate count).
    private static string? Check(string file, string record, string key, long rows, int dimension, out int copies)
    {
        var why = VerifiedCacheFile.Check<CacheRecord>(file, record,
            entry => entry.Format != CacheVersion || entry.Key != key ? $"the cache record {record} is for another spec or other generator code"
                : entry.Rows != rows || entry.Dimension != dimension ? FormattableString.Invariant($"the cache record says ({entry.Rows}, {entry.Dimension}); expected ({rows}, {dimension})")
                : null,
            entry => entry.Sha256, out var found);
        copies = found?.Copies ?? 0;
        return why == "no cache yet" ? "no cached payload yet" : why;
    }

    private const string CacheVersion = "nvf-generated-payload v1";

    private sealed record CacheRecord(string Format, string Key, long Rows, int Dimension, int Copies, string Sha256);
}
