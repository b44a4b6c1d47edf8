using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Nvf.Core.Artifacts;

namespace Nvf.Core.Text;

/// <summary>
/// A sentence-transformer run by ONNX Runtime on the CPU, pooled and normalized as sentence-transformers does for
/// all-MiniLM-L6-v2: tokens → transformer → mean of the last hidden states over the attention mask → L2 norm 1.
/// Texts are sorted by token count and batched so that padding is (almost) never computed; identical texts are
/// encoded once. Deterministic for a fixed thread count.
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    /// <summary>sentence-transformers' max_seq_length for all-MiniLM-L6-v2 (its sentence_bert_config.json).</summary>
    public const int MiniLmMaxTokens = 256;

    /// <summary>Tokens per batch (rows x padded length): big enough to keep both cores busy, small enough for cache.</summary>
    const int TokensPerBatch = 4096;

    readonly InferenceSession session;
    readonly bool takesTokenTypes;
    readonly string output;
    string? modelSha256;

    /// <summary>Loads the ONNX graph and its vocabulary.</summary>
    /// <param name="modelPath">ONNX file with inputs input_ids, attention_mask (and token_type_ids), int64 (B, T); output (B, T, D).</param>
    /// <param name="vocabPath">WordPiece vocab.txt.</param>
    /// <param name="threads">Intra-op threads.</param>
    /// <param name="maxTokens">Truncation limit, [CLS] and [SEP] included.</param>
    public SentenceEncoder(string modelPath, string vocabPath, int threads = 2, int maxTokens = MiniLmMaxTokens)
    {
        Tokenizer = new BertTokenizer(vocabPath, maxTokens);
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        try
        {
            session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ArtifactException($"{modelPath}: ONNX Runtime cannot load the sentence-transformer ({e.Message.Split('\n')[0].Trim()})", e);
        }

        var inputs = session.InputMetadata.Keys.ToHashSet(StringComparer.Ordinal);
        if (!inputs.Contains("input_ids") || !inputs.Contains("attention_mask"))
            throw new ArtifactException($"{modelPath}: inputs {string.Join(", ", inputs)}; expected input_ids and attention_mask (a BERT-style sentence-transformer)");
        takesTokenTypes = inputs.Contains("token_type_ids");
        output = session.OutputMetadata.Keys.First();
        var shape = session.OutputMetadata[output].Dimensions;
        Dimension = shape.Length == 3 && shape[2] > 0
            ? shape[2]
            : throw new ArtifactException($"{modelPath}: output '{output}' has shape ({string.Join(", ", shape)}); expected (batch, tokens, D) hidden states");
        ModelPath = modelPath;
        Threads = threads;
    }

    /// <summary>The tokenizer.</summary>
    public BertTokenizer Tokenizer { get; }

    /// <summary>Embedding length D (384 for all-MiniLM-L6-v2).</summary>
    public int Dimension { get; }

    /// <summary>The ONNX file.</summary>
    public string ModelPath { get; }

    /// <summary>Intra-op threads.</summary>
    public int Threads { get; }

    /// <summary>SHA-256 of the model file (computed once): what an embedding cache is keyed by.</summary>
    public string ModelSha256 => modelSha256 ??= Provenance.FileDigest.Sha256Of(ModelPath)!;

    /// <summary>How texts become vectors, beside the model: what else an embedding cache is keyed by.</summary>
    public string Recipe => FormattableString.Invariant($"bert-uncased-wordpiece+fold-unicode14, truncate {Tokenizer.MaxTokens} tokens keeping [CLS]/[SEP], mean pooling over the mask, L2 normalize");

    /// <summary>
    /// Encodes <paramref name="texts"/> into unit vectors, float32 (N, D) row-major, row i for text i.
    /// <paramref name="progress"/> hears a line about every 2 s.
    /// </summary>
    public EncodedTexts Encode(IReadOnlyList<string> texts, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var clock = Stopwatch.StartNew();
        var unique = new Dictionary<string, int>(StringComparer.Ordinal);
        var slotOf = new int[texts.Count];
        var distinct = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!unique.TryGetValue(texts[i], out var slot))
            {
                unique[texts[i]] = slot = distinct.Count;
                distinct.Add(texts[i]);
            }

            slotOf[i] = slot;
        }

        var tokens = new int[distinct.Count][];
        var truncated = 0;
        for (var i = 0; i < distinct.Count; i++)
        {
            tokens[i] = Tokenizer.Encode(distinct[i], out var cut);
            if (cut)
                truncated++;
        }

        var order = Enumerable.Range(0, distinct.Count).OrderBy(i => tokens[i].Length).ThenBy(i => i).ToArray();
        var vectors = new float[distinct.Count * Dimension];
        var done = 0;
        var lastReport = clock.Elapsed;
        while (done < order.Length)
        {
            // Sorted by length: the batch's last text is its longest, and every row is padded to it.
            var rows = 1;
            while (done + rows < order.Length && (rows + 1) * tokens[order[done + rows]].Length <= TokensPerBatch)
                rows++;
            var longest = tokens[order[done + rows - 1]].Length;
            Run(order.AsSpan(done, rows), tokens, longest, vectors);
            done += rows;
            if (progress is not null && clock.Elapsed - lastReport > TimeSpan.FromSeconds(2))
            {
                lastReport = clock.Elapsed;
                progress.Report(string.Create(CultureInfo.InvariantCulture,
                    $"embedding {done:N0} / {distinct.Count:N0} distinct texts ({done / clock.Elapsed.TotalSeconds:F0} texts/s, {longest} tokens now)"));
            }
        }

        var all = new float[texts.Count * Dimension];
        for (var i = 0; i < texts.Count; i++)
            vectors.AsSpan(slotOf[i] * Dimension, Dimension).CopyTo(all.AsSpan(i * Dimension, Dimension));
        return new EncodedTexts(all, texts.Count, Dimension, distinct.Count, truncated, tokens.Sum(t => (long)t.Length), clock.Elapsed);
    }

    // One batch of equal-ish length: pad to the longest, run, mean-pool over the mask, normalize.
    void Run(ReadOnlySpan<int> rows, int[][] tokens, int length, float[] vectors)
    {
        var b = rows.Length;
        var ids = new long[b * length];     // (B, T)
        var mask = new long[b * length];    // (B, T)
        for (var r = 0; r < b; r++)
        {
            var t = tokens[rows[r]];
            for (var j = 0; j < length; j++)
            {
                ids[(r * length) + j] = j < t.Length ? t[j] : Tokenizer.Padding;
                mask[(r * length) + j] = j < t.Length ? 1 : 0;
            }
        }

        var shape = new[] { b, length };
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
        };
        if (takesTokenTypes)
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[b * length], shape)));
        using var results = session.Run(inputs, [output]);
        var hidden = results[0].AsTensor<float>() as DenseTensor<float>
            ?? throw new ArtifactException($"{ModelPath}: output '{output}' is not a dense float tensor");
        var h = hidden.Buffer.Span; // (B, T, D)
        var d = Dimension;
        for (var r = 0; r < b; r++)
        {
            var n = tokens[rows[r]].Length;
            var target = vectors.AsSpan(rows[r] * d, d);
            // Mean pooling over the real tokens (sentence-transformers: sum(h * mask) / clamp(sum(mask), 1e-9)).
            var sums = new double[d];
            for (var j = 0; j < n; j++)
            {
                var row = h.Slice(((r * length) + j) * d, d);
                for (var k = 0; k < d; k++)
                    sums[k] += row[k];
            }

            double norm = 0;
            for (var k = 0; k < d; k++)
            {
                sums[k] /= n;
                norm += sums[k] * sums[k];
            }

            // Normalize (torch.nn.functional.normalize: x / max(||x||, 1e-12)).
            var scale = 1 / Math.Max(Math.Sqrt(norm), 1e-12);
            for (var k = 0; k < d; k++)
                target[k] = (float)(sums[k] * scale);
        }
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();
}
