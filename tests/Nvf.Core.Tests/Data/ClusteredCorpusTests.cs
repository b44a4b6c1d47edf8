using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Metrics;
using Xunit;

namespace Nvf.Core.Tests.Data;

public sealed class ClusteredCorpusTests
{
    // DESIGN.md, measured with the seed's generator at 100 clusters x 10 documents, dim 128:
    // noise 0.2 per dimension gives intra-cluster cosine ~0.16 (loose), 0.05 gives 0.76 (tight).
    // Expected from the geometry too: 1 / (1 + 128 * noise^2) = 0.163 and 0.758.
    [Theory]
    [InlineData(ClusteredCorpusGenerator.SeedNoise, 0.16)]
    [InlineData(ClusteredCorpusGenerator.TightNoise, 0.76)]
    public void Intra_cluster_cosine_matches_the_design_measurement(double noise, double intra)
    {
        var corpus = ClusteredCorpusGenerator.Generate(100, 10, 128, noise, seed: 42);
        var report = ClusteringReport.Measure(corpus);
        report.IntraClusterCosine.Should().BeApproximately(intra, 0.02);
        report.InterClusterCosine.Should().BeApproximately(0, 0.01);
        report.IntraPairs.Should().Be(100 * 45);
        report.InterPairs.Should().Be(1000L * 999 / 2 - 100 * 45);
    }

    [Fact]
    public void Documents_are_unit_cluster_major_and_reproducible()
    {
        var corpus = ClusteredCorpusGenerator.Generate(20, 5, 32, 0.2, seed: 9);
        NormStatistics.Measure(corpus.Documents).AllUnit().Should().BeTrue();
        corpus.ClusterLabels.Should().Equal(Enumerable.Range(0, 100).Select(i => i / 5));
        ClusteredCorpusGenerator.Generate(20, 5, 32, 0.2, seed: 9).Documents.Data.Should().Equal(corpus.Documents.Data);
        corpus.SameCluster(5, 9).Should().BeTrue();
        corpus.SameCluster(4, 5).Should().BeFalse();
    }

    [Fact]
    public void Shuffled_labels_erase_the_gap()
    {
        // Control: the report measures the labels, not the generator's intent.
        var corpus = ClusteredCorpusGenerator.Generate(100, 10, 128, ClusteredCorpusGenerator.TightNoise, seed: 42);
        var order = new SeededRandom(1).Permutation(corpus.ClusterLabels.Length);
        var shuffled = order.Select(i => corpus.ClusterLabels[i]).ToArray();
        shuffled.CopyTo(corpus.ClusterLabels, 0);
        ClusteringReport.Measure(corpus).Gap.Should().BeLessThan(0.05);
    }
}
