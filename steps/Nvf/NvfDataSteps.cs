using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>Databases, corpora and query distributions of the NVF features.</summary>
[Binding]
public sealed class NvfDataSteps(NvfScenario scenario, ScenarioEvidence context)
{
    [Given("a database of {int} random unit vectors of dimension {int} drawn with seed {int}")]
    public void GivenRandomUnitDatabase(int count, int dimension, int seed) =>
        scenario.Database = scenario.Models.RandomUnitDatabase(count, dimension, (ulong)seed);

    [Given("a clustered corpus of {int} clusters x {int} documents of dimension {int}, noise {float} per dimension, seed {int}")]
    public void GivenClusteredCorpus(int clusters, int perCluster, int dimension, double noise, int seed) =>
        (scenario.Corpus, scenario.Database) = scenario.Models.ClusteredDatabase(clusters, perCluster, dimension, noise, (ulong)seed);

    [Given("queries drawn uniformly on the unit sphere, labelled with their exact nearest neighbour")]
    public void GivenUniformQueries() => scenario.Distribution = NvfQueryDistribution.UniformNearestNeighbour;

    [Given("queries made as a database vector plus Gaussian noise {float}, labelled with the source vector")]
    public void GivenNoisySourceQueries(double noise) => scenario.Distribution = NvfQueryDistribution.NoisySource(noise);

    [When("the clustering of the corpus is measured")]
    public void WhenClusteringIsMeasured()
    {
        var report = ClusteringReport.Measure(scenario.Corpus ?? throw new InvalidOperationException("No clustered corpus; expected 'Given a clustered corpus ...' first."));
        scenario.Clustering = report;
        context.AttachTable("How clustered the corpus is (mean cosine over document pairs)", ["pairs", "mean cosine", "count"],
        [
            ["same cluster", report.IntraClusterCosine.ToString("F3"), report.IntraPairs.ToString()],
            ["different clusters", report.InterClusterCosine.ToString("F3"), report.InterPairs.ToString()],
        ]);
    }

    [Then("the mean intra-cluster cosine is about {float} within {float}")]
    public void ThenIntraClusterCosineIsAbout(double expected, double tolerance)
    {
        scenario.Record(context, new Metric($"{scenario.MetricPrefix}.intra_cluster_cosine", Clustering.IntraClusterCosine, MetricDirection.HigherIsBetter) { Kind = MetricKind.Diagnostic });
        Clustering.IntraClusterCosine.Should().BeApproximately(expected, tolerance);
    }

    [Then("it exceeds the mean inter-cluster cosine")]
    public void ThenIntraExceedsInter() =>
        Clustering.IntraClusterCosine.Should().BeGreaterThan(Clustering.InterClusterCosine);

    ClusteringReport Clustering => scenario.Clustering ?? throw new InvalidOperationException("Clustering not measured; expected 'When the clustering of the corpus is measured' first.");
}
