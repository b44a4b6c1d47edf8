using FluentAssertions;
using Nvf.Core.Metrics;
using Nvf.Core.Stores;
using Nvf.Core.Teacher;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Nvf;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Teacher;

/// <summary>Parity of two exact stores on the same rows and queries.</summary>
[Binding]
public sealed class StoreParitySteps(TeacherScenario teacher, NvfScenario nvf, ScenarioEvidence context)
{
    [Given("parity data made from the corpus: rows scaled to lengths in [0.5, 2], {int} exact duplicates, {int} queries of which half are duplicated rows, seed {int}")]
    public void GivenParityData(int duplicates, int queries, int seed) =>
        teacher.Parity = ParityData.Make(nvf.Database.Vectors, queries, duplicates, (ulong)seed);

    [Given("the {word} store as the reference and the {word} store as the candidate")]
    public async Task GivenStores(VectorStoreKind reference, VectorStoreKind candidate)
    {
        await teacher.OpenAsync(reference);
        await teacher.OpenAsync(candidate, asCandidate: true);
    }

    [When("both stores index the rows with the {word} metric, answer the queries with their top {int}, and their lists are compared with a score tolerance of {float}")]
    public async Task WhenCompared(VectorMetric metric, int k, double tolerance)
    {
        var data = teacher.Parity ?? throw new InvalidOperationException("No parity data; expected the 'Given parity data ...' step first.");
        teacher.Agreement = await StoreParity.CompareAsync(teacher.Store!, teacher.Candidate!, data, metric, k, tolerance);
        context.AttachText($"{teacher.Store!.Describe().Kind} vs {teacher.Candidate!.Describe().Kind} by {metric}", teacher.Agreement.ToString());
        var equivalent = ProportionEstimate.Wilson(teacher.Agreement.EquivalentUpToTies, teacher.Agreement.Queries);
        context.RecordCatalogued(new Metric($"parity.{teacher.Candidate!.Describe().Kind}.{metric}.equivalent", equivalent.Estimate, MetricDirection.HigherIsBetter) { Low = equivalent.Lower, High = equivalent.Upper, Kind = MetricKind.Criterion });
    }

    [Then("they return the same top-k ids for every query, up to ties")]
    public void ThenSameIds()
    {
        var report = teacher.Agreement ?? throw new InvalidOperationException("Nothing compared; expected the comparing step first.");
        report.AllEquivalent.Should().BeTrue(report.ToString());
    }
}
