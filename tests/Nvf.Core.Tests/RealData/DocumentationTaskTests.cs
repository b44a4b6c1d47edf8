using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.RealData;
using Xunit;

namespace Nvf.Core.Tests.RealData;

/// <summary>The non-learned predictor and the documentation corpus reader.</summary>
public sealed class DocumentationTaskTests
{
    [Fact]
    public void The_predictor_written_for_the_real_payload_is_the_normalized_average_of_the_context_chunks()
    {
        // Two samples, C = 2, D = 2: contexts (1,0),(0,1) and (3,4),(3,4).
        var eval = new EvalSet([1, 0, 0, 1, 3, 4, 3, 4], 2, new VectorSet(new float[4], 2, 2), [new TruthKey(0, 2), new TruthKey(1, 2)]);

        var mean = ContextBaselines.ContextMean(eval);

        mean.Row(0).ToArray().Should().BeEquivalentTo(new[] { MathF.Sqrt(0.5f), MathF.Sqrt(0.5f) }, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6f)).WhenTypeIs<float>());
        mean.Row(1).ToArray().Should().BeEquivalentTo(new[] { 0.6f, 0.8f }, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6f)).WhenTypeIs<float>());
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_replacement_characters_and_counted()
    {
        var root = Directory.CreateTempSubdirectory("nvf-docs-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "howto"));
            // "caf\xe9" is Latin-1, not UTF-8; \xff never occurs in UTF-8.
            File.WriteAllBytes(Path.Combine(root.FullName, "howto", "latin1.rst.txt"), [.. "caf"u8, 0xE9, .. " au lait\n\nnext "u8, 0xFF, .. " paragraph\n"u8]);

            var corpus = DocumentationCorpus.Load(["howto"], root.FullName);

            corpus.ReplacedCharacters.Should().Be(2);
            corpus.Chunks[0].Should().Equal("caf\uFFFD au lait", "next \uFFFD paragraph");
            corpus.Description.Should().Contain("2 characters not UTF-8");
            Core.Text.BertTokenizer.Words(corpus.Chunks[0][0]).Should().Equal("caf", "au", "lait");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Articles_split_into_paragraphs_in_reading_order_and_an_unknown_folder_is_named()
    {
        var root = Directory.CreateTempSubdirectory("nvf-docs-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "howto"));
            File.WriteAllText(Path.Combine(root.FullName, "howto", "b.rst.txt"), "Title\n=====\n\nFirst paragraph\nwraps here.\n   \nSee also\n\n\n\nSee also\n");
            File.WriteAllText(Path.Combine(root.FullName, "howto", "a.rst.txt"), "Only one.\r\n");

            var corpus = DocumentationCorpus.Load(["howto"], root.FullName);

            corpus.Articles.Should().Equal(Path.Combine("howto", "a.rst.txt"), Path.Combine("howto", "b.rst.txt"));
            corpus.Chunks[1].Should().Equal("Title\n=====", "First paragraph\nwraps here.", "See also", "See also");
            var missing = () => DocumentationCorpus.Load(["library"], root.FullName);
            missing.Should().Throw<Core.Artifacts.ArtifactException>().WithMessage("*library: no such documentation folder; expected one of howto");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}

/// <summary>The real-payload writer pointed at another corpus (docs/real-data.md: "Your own corpus"): a folder of Markdown files.</summary>
public sealed class DocumentationTaskOnAnotherCorpusTests
{
    [Fact]
    public void A_folder_of_markdown_articles_becomes_researcher_files_the_gate_reads()
    {
        var root = Directory.CreateTempSubdirectory("nvf-md-corpus-");
        try
        {
            for (var a = 0; a < 5; a++)
            {
                var paragraphs = Enumerable.Range(0, 9).Select(p => $"Article {a} about {(a % 2 == 0 ? "rivers" : "mountains")}, paragraph {p}: " + string.Join(' ', Enumerable.Repeat($"word{p}", 5)));
                File.WriteAllText(Path.Combine(root.FullName, $"a{a}.md"), string.Join("\n\n", paragraphs.Append("Added in version 3.0.")));
            }

            var configFile = Path.Combine(root.FullName, "my-corpus.json");
            File.WriteAllText(configFile, $$"""
                { "root": "{{root.FullName}}", "folders": ["."], "pattern": "*.md", "contextLength": 5, "evalShare": 0.4,
                  "evalSamples": 100, "trainingSamples": 100, "seed": 3, "nprobe": 4, "topK": 10, "oracleQueries": 20,
                  "alignmentSamples": 10, "controlRows": 100, "indexSeed": 1 }
                """);

            var (files, predictions, lines) = DocumentationTask.Prepare(DocumentationTaskConfig.Load(configFile));
            var data = Core.Artifacts.FileGateData.Load(files, 5);

            data.PayloadRows.Count.Should().Be(50, "5 articles of 10 paragraphs");
            data.PayloadRows.Dimension.Should().Be(384);
            data.Eval.Count.Should().Be(10, "2 eval articles x (10 - 5) next-paragraph samples");
            data.Split!.LeakedArticles.Should().BeEmpty("the split is by article");
            Enumerable.Range(0, data.PayloadRows.Count).Count(i => data.FirstCopyOf[i] != i).Should().Be(4, "'Added in version 3.0.' closes all 5 articles: 4 identical copies of the first");
            Core.Data.NumPy.NpyReader.ReadVectorSet(predictions).Count.Should().Be(10);
            lines.Should().Contain(l => l.Contains("clean split by article"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
