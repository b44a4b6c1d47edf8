using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.RealData;
using Xunit;

namespace Nvf.Core.Tests.RealData;

/// <summary>The non-learned predictor and the documentation corpus reader.</summary>
public sealed class DocumentationTaskTests
{
    [Fact]
    public void The_context_mean_is_the_normalized_average_of_the_context_chunks()
    {
        // Two samples, C = 2, D = 2: contexts (1,0),(0,1) and (3,4),(3,4).
        var eval = new EvalSet([1, 0, 0, 1, 3, 4, 3, 4], 2, new VectorSet(new float[4], 2, 2), [new TruthKey(0, 2), new TruthKey(1, 2)]);

        var mean = DocumentationTask.ContextMean(eval);

        mean.Row(0).ToArray().Should().BeEquivalentTo(new[] { MathF.Sqrt(0.5f), MathF.Sqrt(0.5f) }, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6f)).WhenTypeIs<float>());
        mean.Row(1).ToArray().Should().BeEquivalentTo(new[] { 0.6f, 0.8f }, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6f)).WhenTypeIs<float>());
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
